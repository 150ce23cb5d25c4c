package dev.cohort.joining;

import dev.cohort.errors.TooLargeException;
import dev.cohort.groups.JoinSettings;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Subscriptions to a community group with access subscription (issue 16), reported by the host's billing. */
@RestController
@Tag(name = "Community groups")
class SubscriptionController {
    private final SubscriptionService subscriptions;
    private final Settings settings;

    SubscriptionController(SubscriptionService subscriptions, Settings settings) {
        this.subscriptions = subscriptions;
        this.settings = settings;
    }

    @Schema(name = "GroupSubscription", description = "A member's subscription and when it ends")
    record Item(@NotNull @Schema(description = "The subscribing member") String spotMemberId,
                @NotNull @Min(0) @Max(JoinSettings.MAX_DATE) @Schema(description = "Unix seconds at which the "
                        + "subscription ends (in the past: it has ended)", example = "1798761600") Long validUntil) {
    }

    @Body
    @Schema(description = "Subscriptions to write, each replacing the member's earlier one")
    record UpsertSubscriptions(@NotNull @Schema(description = "At most COHORT_BULK_LIMIT (default 1000) "
            + "subscriptions, one per member") List<Item> items) {
    }

    record BulkUpsertSubscriptionsResult(List<UUID> upsertedSpotMemberIds, List<String> failedSpotMemberIds) {
    }

    @PostMapping("/v1/groups/{groupId}/subscriptions~bulkUpsert")
    @Operation(operationId = "bulkUpsertGroupSubscriptions", summary = "Report members' subscriptions to a "
            + "community group", description = "Cohort: for a community group with access subscription, which admits "
            + "only members with an active subscription (~join, a join request's approval, a code, an invitation: "
            + "409 \"subscription required\" otherwise). Each item writes the member's subscription; the membership "
            + "of a plain member in the group then ends at validUntil (the expiring-membership mechanism: the "
            + "expiry job ends it on time, so a lapsed subscription ends the membership; a renewal moves the end); "
            + "owner, admins and moderators keep theirs. failedSpotMemberIds: malformed ids, unknown ids, other "
            + "Spots' members. 400 naming items[i].spotMemberId for a member listed twice; 409 for a group whose "
            + "access is free; 413 over COHORT_BULK_LIMIT (default 1000).")
    @Errors({409, 413})
    BulkUpsertSubscriptionsResult upsert(Caller caller, @PathVariable UUID groupId,
                                         @RequestBody UpsertSubscriptions body) {
        TooLargeException.check("items", settings.bulkLimit(), body.items());
        SubscriptionService.Result result = subscriptions.upsert(caller, groupId, body.items().stream()
                .map(i -> new SubscriptionService.Reported(i.spotMemberId(), i.validUntil())).toList());
        return new BulkUpsertSubscriptionsResult(result.upserted(), result.failed());
    }

    @PostMapping("/v1/me/groups/{groupId}/subscriptions~bulkUpsert")
    @Tag(name = "Me (member token)")
    @Operation(operationId = "bulkUpsertMyGroupSubscriptions", summary = "Report members' subscriptions to a "
            + "community group I administer", description = "As bulkUpsertGroupSubscriptions, for the group's owner "
            + "and admins (groups.settings; 403 naming it otherwise).")
    @Errors({403, 409, 413})
    BulkUpsertSubscriptionsResult upsertMine(Caller caller, @PathVariable UUID groupId,
                                             @RequestBody UpsertSubscriptions body) {
        return upsert(caller, groupId, body);
    }
}
