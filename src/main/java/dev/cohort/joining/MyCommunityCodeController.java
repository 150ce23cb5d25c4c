package dev.cohort.joining;

import dev.cohort.communities.CommunityAction;
import dev.cohort.communities.CommunityAuthority;
import dev.cohort.spots.Caller;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A community group's join codes for its admins and above with a member token (issue 16): the member mirrors of
 * {@link JoinCodeController}'s operations, the same bodies, answers and filters, each allowed by the role table
 * ({@link CommunityAction#INVITE}) before anything else. A group that is no community group is a 404 here.
 */
@RestController
@Tag(name = "Community groups")
class MyCommunityCodeController {
    static final String MEMBER = " Member token: the community group's admins and above (a Spot Admin is an admin of "
            + "every community group); 403 naming groups.invite otherwise; 404 for a group that is no community "
            + "group.";

    private final JoinCodeService codes;
    private final CommunityAuthority authority;

    MyCommunityCodeController(JoinCodeService codes, CommunityAuthority authority) {
        this.codes = codes;
        this.authority = authority;
    }

    @PostMapping("/v1/me/groups/{groupId}/joinCodes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createMyGroupJoinCode", summary = "Create a join code of a community group (admins "
            + "and above)", description = JoinCodeController.CREATE + MEMBER)
    @Errors({403, 409})
    JoinCode create(Caller caller, @PathVariable UUID groupId,
                    @RequestBody JoinCodeController.CreateJoinCode body) {
        authority.require(caller, groupId, CommunityAction.INVITE);
        return codes.create(caller.spotId(), groupId, body.code(), body.settings());
    }

    @PostMapping("/v1/me/groups/{groupId}/joinCodes~generate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "generateMyGroupJoinCodes", summary = "Generate single-use join codes of a community "
            + "group (admins and above)", description = JoinCodeController.GENERATE + MEMBER)
    @Errors(403)
    ListPage<JoinCode> generate(Caller caller, @PathVariable UUID groupId,
                                @RequestBody JoinCodeController.GenerateJoinCodes body) {
        authority.require(caller, groupId, CommunityAction.INVITE);
        List<JoinCode> made = codes.generate(caller.spotId(), groupId, body.count(), body.settings());
        return new ListPage<>(made, made.size());
    }

    @GetMapping("/v1/me/groups/{groupId}/joinCodes")
    @Filtered(JoinCodeController.class)
    @Operation(operationId = "listMyGroupJoinCodes", summary = "List a community group's join codes (admins and "
            + "above)", description = JoinCodeController.LIST + MEMBER)
    @Errors(403)
    ListPage<JoinCode> list(Caller caller, @PathVariable UUID groupId,
                            @RequestParam MultiValueMap<String, String> query) {
        authority.require(caller, groupId, CommunityAction.INVITE);
        return codes.list(caller.spotId(), groupId, ListQuery.read(query, JoinCodeController.FILTERS));
    }

    @GetMapping(path = "/v1/me/groups/{groupId}/joinCodes~export", produces = "text/csv")
    @Operation(operationId = "exportMyGroupJoinCodes", summary = "Export a community group's join codes as CSV "
            + "(admins and above)", description = JoinCodeController.EXPORT + MEMBER,
            responses = @ApiResponse(responseCode = "200", description = "The codes",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    @Errors(403)
    String export(Caller caller, @PathVariable UUID groupId) {
        authority.require(caller, groupId, CommunityAction.INVITE);
        return JoinCodeController.csv(codes.all(caller.spotId(), groupId));
    }

    @DeleteMapping("/v1/me/groups/{groupId}/joinCodes/{codeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeMyGroupJoinCode", summary = "Revoke a join code of a community group (admins "
            + "and above)", description = JoinCodeController.REVOKE + MEMBER)
    @Errors(403)
    void revoke(Caller caller, @PathVariable UUID groupId, @PathVariable UUID codeId) {
        authority.require(caller, groupId, CommunityAction.INVITE);
        codes.revoke(caller.spotId(), groupId, codeId);
    }
}
