package dev.cohort.joining;

import dev.cohort.errors.TooLargeException;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Ids;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A community group's bans (issue 16), for operators ({@code /v1/groups/{id}/bans}) and the group's admins and above
 * with a member token ({@code /v1/me/groups/{id}/bans}).
 */
@RestController
@Tag(name = "Community groups")
class BanController {
    static final String ADD = "Cohort: bans the listed members from the community group: each is removed from it "
            + "(linked resources take away what only this group gave), their pending join request is rejected "
            + "(reason \"banned\"), and every way back in they could take themselves is refused with 409 "
            + "\"banned\" (~join, a join request, a join code, an invitation) until the ban is lifted. An operator's "
            + "add (POST /v1/groups/{id}/spotMembers) still works. Banning again keeps the ban (with the new reason "
            + "when one is given). failedSpotMemberIds: malformed ids, unknown ids, other Spots' members. 409 when "
            + "the group's owner is listed (never banned); 413 over COHORT_BULK_LIMIT (default 1000).";
    static final String REMOVE = "Cohort: lifts the bans of the listed members; they may come back in the usual "
            + "ways. failedSpotMemberIds: ids that were not banned, malformed or unknown. 413 over COHORT_BULK_LIMIT.";
    static final String LIST = "Cohort: the community group's banned members, oldest ban first, with the reason, who "
            + "banned them and when (Unix milliseconds). Filters: spotMemberId[eq], createdAt[before|after].";
    static final String MEMBER = " Member token: the group's admins and above (a Spot Admin is an admin of every "
            + "community group), banning only members whose role is below theirs; 403 naming groups.ban otherwise.";

    private final BanService bans;
    private final Settings settings;

    BanController(BanService bans, Settings settings) {
        this.bans = bans;
        this.settings = settings;
    }

    @Body
    @Schema(description = "Members to ban")
    record BanMembers(@NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) member ids")
                      List<String> spotMemberIds,
                      @Size(max = 1000) @Schema(description = "Why, kept with the ban", example = "Spam")
                      String reason) {
    }

    @Body
    @Schema(description = "Members whose bans to lift")
    record UnbanMembers(@NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) member ids")
                        List<String> spotMemberIds) {
    }

    record BulkAddBansResult(List<UUID> bannedSpotMemberIds, List<String> failedSpotMemberIds) {
    }

    record BulkRemoveBansResult(List<UUID> unbannedSpotMemberIds, List<String> failedSpotMemberIds) {
    }

    @PostMapping("/v1/groups/{groupId}/bans~bulkAdd")
    @Operation(operationId = "bulkAddGroupBans", summary = "Ban members from a community group", description = ADD)
    @Errors({409, 413})
    BulkAddBansResult add(Caller caller, @PathVariable UUID groupId, @RequestBody BanMembers body) {
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
        Ids.Outcome result = bans.add(caller, groupId, body.spotMemberIds(), body.reason());
        return new BulkAddBansResult(result.done(), result.failed());
    }

    @PostMapping("/v1/groups/{groupId}/bans~bulkRemove")
    @Operation(operationId = "bulkRemoveGroupBans", summary = "Lift bans from a community group",
            description = REMOVE)
    @Errors(413)
    BulkRemoveBansResult remove(Caller caller, @PathVariable UUID groupId, @RequestBody UnbanMembers body) {
        TooLargeException.check("spotMemberIds", settings.bulkLimit(), body.spotMemberIds());
        Ids.Outcome result = bans.remove(caller, groupId, body.spotMemberIds());
        return new BulkRemoveBansResult(result.done(), result.failed());
    }

    @GetMapping("/v1/groups/{groupId}/bans")
    @Filtered(BanService.class)
    @Operation(operationId = "listGroupBans", summary = "List a community group's bans", description = LIST)
    ListPage<GroupBan> list(Caller caller, @PathVariable UUID groupId,
                            @RequestParam MultiValueMap<String, String> query) {
        return bans.list(caller, groupId, query);
    }

    @PostMapping("/v1/me/groups/{groupId}/bans~bulkAdd")
    @Operation(operationId = "myBulkAddGroupBans", summary = "Ban members from a community group (admins and "
            + "above)", description = ADD + MEMBER)
    @Errors({403, 409, 413})
    BulkAddBansResult myAdd(Caller caller, @PathVariable UUID groupId, @RequestBody BanMembers body) {
        return add(caller, groupId, body);
    }

    @PostMapping("/v1/me/groups/{groupId}/bans~bulkRemove")
    @Operation(operationId = "myBulkRemoveGroupBans", summary = "Lift bans from a community group (admins and "
            + "above)", description = REMOVE + MEMBER)
    @Errors({403, 413})
    BulkRemoveBansResult myRemove(Caller caller, @PathVariable UUID groupId, @RequestBody UnbanMembers body) {
        return remove(caller, groupId, body);
    }

    @GetMapping("/v1/me/groups/{groupId}/bans")
    @Filtered(BanService.class)
    @Operation(operationId = "listMyGroupBans", summary = "List a community group's bans (admins and above)",
            description = LIST + MEMBER)
    @Errors(403)
    ListPage<GroupBan> myList(Caller caller, @PathVariable UUID groupId,
                              @RequestParam MultiValueMap<String, String> query) {
        return bans.list(caller, groupId, query);
    }
}
