package dev.cohort.joining;

import dev.cohort.groups.JoinSettings;
import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

/** A group's join codes, for operators (issue 15): create, generate single-use ones, list, export, revoke. */
@RestController
@Tag(name = "Groups")
class JoinCodeController {
    static final Filters.Spec FILTERS = Filters.spec()
            .enumeration("used", "(c.max_uses is not null and c.uses >= c.max_uses)::text", List.of("true", "false"),
                    Filters.Op.eq);
    static final String FROM = "Unix seconds from which the code joins (inside the group's window); null: no start";
    static final String UNTIL = "Unix seconds until which the code joins (after validFrom, inside the group's "
            + "window); null: no end";
    static final String APPROVAL = "Community groups only (400 otherwise): true: redeeming the code files a join "
            + "request that a moderator approves (the use counted then, once) instead of joining at once; default false";
    static final String DAYS = "Days a membership made with the code lasts (validUntil = redeem time + days); "
            + "null: permanent";
    static final String CREATE = "Cohort: a code members redeem with POST /v1/me/groups~redeem to join this static "
            + "code or open group, or this community group (its joinUrl, with ?code=, is a shareable invite link; "
            + "with requiresApproval the redeem files a join request); maxUses null: unlimited. Its window lies "
            + "inside the group's (400 naming validFrom or validUntil). 400 naming joinType for a closed static "
            + "group, groupId for a smart one, requiresApproval for a group that is no community group; 409 when "
            + "the Spot has the code already (compared case-insensitively).";
    static final String GENERATE = "Cohort: count (up to 100,000) single-use codes of 8 characters in one set-based "
            + "statement, answered all at once. The same rules as a single code.";
    static final String LIST = "Cohort: the group's codes not revoked, oldest first, with their uses. Filter: "
            + "used[eq] (true: uses reached maxUses).";
    static final String EXPORT = "Cohort: code,maxUses,uses,validFrom,validUntil (Unix seconds; empty for null), one "
            + "line per code not revoked, for mail merges and printing.";
    static final String REVOKE = "Cohort: the code joins no one any more (redeeming it is a 404); memberships made "
            + "with it stay.";

    private final JoinCodeService codes;

    JoinCodeController(JoinCodeService codes) {
        this.codes = codes;
    }

    @Body(echoes = JoinCode.class)
    @Schema(description = "A new join code: given, or generated (8 characters without 0, O, 1, I)")
    record CreateJoinCode(
            @Schema(description = "4 to 64 letters, digits and hyphens, unique in the Spot (case-insensitive); "
                    + "absent: generated", example = "SUMMER-2027") String code,
            @Min(1) @Schema(description = "How many members may join with it; absent or null: unlimited",
                    example = "100") Integer maxUses,
            @Min(0) @Max(JoinSettings.MAX_DATE) @Schema(description = FROM) Long validFrom,
            @Min(0) @Max(JoinSettings.MAX_DATE) @Schema(description = UNTIL) Long validUntil,
            @Min(1) @Max(36500) @Schema(description = DAYS, example = "30") Integer membershipDays,
            @Schema(description = APPROVAL) Boolean requiresApproval) {
        JoinCodeService.Settings settings() {
            return new JoinCodeService.Settings(maxUses, validFrom, validUntil, membershipDays,
                    Boolean.TRUE.equals(requiresApproval));
        }
    }

    @Body
    @Schema(description = "Single-use codes to generate")
    record GenerateJoinCodes(
            @NotNull @Min(1) @Max(100_000) @Schema(description = "How many codes (1 to 100,000)", example = "500")
            Integer count,
            @Min(0) @Max(JoinSettings.MAX_DATE) @Schema(description = FROM) Long validFrom,
            @Min(0) @Max(JoinSettings.MAX_DATE) @Schema(description = UNTIL) Long validUntil,
            @Min(1) @Max(36500) @Schema(description = DAYS, example = "30") Integer membershipDays,
            @Schema(description = APPROVAL) Boolean requiresApproval) {
        JoinCodeService.Settings settings() {
            return new JoinCodeService.Settings(1, validFrom, validUntil, membershipDays,
                    Boolean.TRUE.equals(requiresApproval));
        }
    }

    @PostMapping("/v1/groups/{groupId}/joinCodes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createJoinCode", summary = "Create a join code of a group",
            description = CREATE)
    @Errors(409)
    JoinCode create(Caller caller, @PathVariable UUID groupId, @RequestBody CreateJoinCode body) {
        return codes.create(caller.spotId(), groupId, body.code(), body.settings());
    }

    @PostMapping("/v1/groups/{groupId}/joinCodes~generate")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "generateJoinCodes", summary = "Generate single-use join codes",
            description = GENERATE)
    ListPage<JoinCode> generate(Caller caller, @PathVariable UUID groupId, @RequestBody GenerateJoinCodes body) {
        List<JoinCode> made = codes.generate(caller.spotId(), groupId, body.count(), body.settings());
        return new ListPage<>(made, made.size());
    }

    @GetMapping("/v1/groups/{groupId}/joinCodes")
    @Filtered(JoinCodeController.class)
    @Operation(operationId = "listJoinCodes", summary = "List a group's join codes",
            description = LIST)
    ListPage<JoinCode> list(Caller caller, @PathVariable UUID groupId,
                            @RequestParam MultiValueMap<String, String> query) {
        return codes.list(caller.spotId(), groupId, ListQuery.read(query, FILTERS));
    }

    @GetMapping(path = "/v1/groups/{groupId}/joinCodes~export", produces = "text/csv")
    @Operation(operationId = "exportJoinCodes", summary = "Export a group's join codes as CSV",
            description = EXPORT,
            responses = @ApiResponse(responseCode = "200", description = "The codes",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    String export(Caller caller, @PathVariable UUID groupId) {
        return csv(codes.all(caller.spotId(), groupId));
    }

    /** The export's CSV: a header, then one line per code. */
    static String csv(List<JoinCode> all) {
        StringBuilder csv = new StringBuilder("code,maxUses,uses,validFrom,validUntil\n");
        for (JoinCode code : all) {
            csv.append(code.code()).append(',').append(text(code.maxUses())).append(',').append(code.uses())
                    .append(',').append(text(code.validFrom())).append(',').append(text(code.validUntil()))
                    .append('\n');
        }
        return csv.toString();
    }

    @DeleteMapping("/v1/groups/{groupId}/joinCodes/{codeId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "revokeJoinCode", summary = "Revoke a join code",
            description = REVOKE)
    void revoke(Caller caller, @PathVariable UUID groupId, @PathVariable UUID codeId) {
        codes.revoke(caller.spotId(), groupId, codeId);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
