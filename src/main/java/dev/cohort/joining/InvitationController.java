package dev.cohort.joining;

import dev.cohort.errors.TooLargeException;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Email invitations to a community group (issue 16), made by operators ({@code /v1/groups/{id}/invitations}) and by
 * the group's admins and above with a member token ({@code /v1/me/groups/{id}/invitations}).
 */
@RestController
@Tag(name = "Community groups")
class InvitationController {
    static final String CREATE = "Cohort: one invitation per address (compared case-insensitively), each emailed "
            + "through the outbox with a single-use link COHORT_PUBLIC_URL/join/{spotId}/{slug}?invitation={token}; "
            + "the token is only in the email (Cohort keeps its SHA-256). Any member of the Spot holding the link "
            + "accepts it with POST /v1/me/groups~acceptInvitation (an address that is no member's signs up with the "
            + "host first). bypassApproval (default true): accepting joins at once; false: it files a join request. "
            + "400 naming emails[i] for an address that is not one; 409 for a banned member's; 413 over "
            + "COHORT_BULK_LIMIT (default 1000).";
    static final String LIST = "Cohort: the community group's invitations, oldest first, with who accepted them and "
            + "when (Unix milliseconds). Filters: status[eq] (pending, accepted), email[eq].";
    static final String MEMBER = " Member token: the group's admins and above (a Spot Admin is an admin of every "
            + "community group); 403 naming groups.invite otherwise.";

    private final InvitationService invitations;
    private final Settings settings;

    InvitationController(InvitationService invitations, Settings settings) {
        this.invitations = invitations;
        this.settings = settings;
    }

    @Body
    @Schema(description = "Addresses to invite")
    record CreateInvitations(
            @NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) addresses",
                    example = "[\"ada@example.com\"]") List<String> emails,
            @Schema(description = "true (default): accepting joins at once; false: it files a join request",
                    example = "true") Boolean bypassApproval) {
    }

    @PostMapping("/v1/groups/{groupId}/invitations~bulkCreate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "bulkCreateGroupInvitations", summary = "Invite people to a community group by email",
            description = CREATE)
    @Errors({409, 413})
    ListPage<GroupInvitation> create(Caller caller, @PathVariable UUID groupId,
                                     @RequestBody CreateInvitations body) {
        TooLargeException.check("emails", settings.bulkLimit(), body.emails());
        List<GroupInvitation> made = invitations.create(caller, groupId, body.emails(),
                body.bypassApproval() == null || body.bypassApproval());
        return new ListPage<>(made, made.size());
    }

    @GetMapping("/v1/groups/{groupId}/invitations")
    @Filtered(InvitationService.class)
    @Operation(operationId = "listGroupInvitations", summary = "List a community group's invitations",
            description = LIST)
    ListPage<GroupInvitation> list(Caller caller, @PathVariable UUID groupId,
                                   @RequestParam MultiValueMap<String, String> query) {
        return invitations.list(caller, groupId, query);
    }

    @PostMapping("/v1/me/groups/{groupId}/invitations~bulkCreate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "myBulkCreateGroupInvitations", summary = "Invite people to a community group by email "
            + "(admins and above)", description = CREATE + MEMBER)
    @Errors({403, 409, 413})
    ListPage<GroupInvitation> myCreate(Caller caller, @PathVariable UUID groupId,
                                       @RequestBody CreateInvitations body) {
        return create(caller, groupId, body);
    }

    @GetMapping("/v1/me/groups/{groupId}/invitations")
    @Filtered(InvitationService.class)
    @Operation(operationId = "listMyGroupInvitations", summary = "List a community group's invitations (admins "
            + "and above)", description = LIST + MEMBER)
    @Errors(403)
    ListPage<GroupInvitation> myList(Caller caller, @PathVariable UUID groupId,
                                     @RequestParam MultiValueMap<String, String> query) {
        return invitations.list(caller, groupId, query);
    }
}
