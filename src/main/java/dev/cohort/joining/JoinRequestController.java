package dev.cohort.joining;

import dev.cohort.errors.TooLargeException;
import dev.cohort.spots.Caller;
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
 * A community group's join requests (issue 16): listed and decided by operators ({@code /v1/groups/{id}/...}) and by
 * the group's moderators and above with a member token ({@code /v1/me/groups/{id}/...}).
 */
@RestController
@Tag(name = "Community groups")
class JoinRequestController {
    static final String LIST = "Cohort: the community group's join requests, oldest first, each with the member, the "
            + "answers to the membership questions (with the questions as asked), the status and the dates (Unix "
            + "milliseconds). Filters: status[eq|in] (Pending, Approved, Rejected, Cancelled), spotMemberId[eq], "
            + "createdAt[before|after]. 404 for a group that is not a community group.";
    static final String APPROVE = "Cohort: approves the pending requests among joinRequestIds (at most 10,000, one "
            + "set-based call; 413 over it): the members join the group (linked resources invite them at once; in a "
            + "subscription group the membership ends with the subscription) and are told in-app and by email. "
            + "failedJoinRequestIds: malformed, unknown, another group's, no longer pending, a banned member's, or "
            + "in a subscription group one without an active subscription. Two approvals of one request at once "
            + "approve it once.";
    static final String REJECT = "Cohort: rejects the pending requests among joinRequestIds (at most 10,000; 413 over "
            + "it), with the reason given; the members are told in-app and by email (with the reason) and may ask "
            + "again. failedJoinRequestIds: malformed, unknown, another group's or no longer pending.";
    static final String MEMBER = " Member token: the group's moderators and above (a Spot Admin is an admin of every "
            + "community group); 403 naming groups.approve otherwise.";

    private final JoinRequestService requests;

    JoinRequestController(JoinRequestService requests) {
        this.requests = requests;
    }

    @Body
    @Schema(description = "Join requests to decide")
    record DecideJoinRequests(
            @NotNull @Schema(description = "At most 10,000 join request ids") List<String> joinRequestIds,
            @Size(max = 1000) @Schema(description = "Why, told to the members (a rejection's email quotes it)",
                    example = "This group is for customers only") String reason) {
    }

    record BulkApproveJoinRequestsResult(List<UUID> approvedJoinRequestIds, List<String> failedJoinRequestIds) {
    }

    record BulkRejectJoinRequestsResult(List<UUID> rejectedJoinRequestIds, List<String> failedJoinRequestIds) {
    }

    @GetMapping("/v1/groups/{groupId}/joinRequests")
    @Filtered(JoinRequestService.class)
    @Operation(operationId = "listJoinRequests", summary = "List a community group's join requests",
            description = LIST)
    ListPage<JoinRequest> list(Caller caller, @PathVariable UUID groupId,
                               @RequestParam MultiValueMap<String, String> query) {
        return requests.list(caller, groupId, query);
    }

    @PostMapping("/v1/groups/{groupId}/joinRequests~bulkApprove")
    @Operation(operationId = "bulkApproveJoinRequests", summary = "Approve join requests", description = APPROVE)
    @Errors(413)
    BulkApproveJoinRequestsResult approve(Caller caller, @PathVariable UUID groupId,
                                          @RequestBody DecideJoinRequests body) {
        TooLargeException.check("joinRequestIds", JoinRequestService.MAX_DECISIONS, body.joinRequestIds());
        Ids.Outcome decision = requests.approve(caller, groupId, body.joinRequestIds(), body.reason());
        return new BulkApproveJoinRequestsResult(decision.done(), decision.failed());
    }

    @PostMapping("/v1/groups/{groupId}/joinRequests~bulkReject")
    @Operation(operationId = "bulkRejectJoinRequests", summary = "Reject join requests", description = REJECT)
    @Errors(413)
    BulkRejectJoinRequestsResult reject(Caller caller, @PathVariable UUID groupId,
                                        @RequestBody DecideJoinRequests body) {
        TooLargeException.check("joinRequestIds", JoinRequestService.MAX_DECISIONS, body.joinRequestIds());
        Ids.Outcome decision = requests.reject(caller, groupId, body.joinRequestIds(), body.reason());
        return new BulkRejectJoinRequestsResult(decision.done(), decision.failed());
    }

    @GetMapping("/v1/me/groups/{groupId}/joinRequests")
    @Filtered(JoinRequestService.class)
    @Operation(operationId = "listMyGroupJoinRequests", summary = "List a community group's join requests "
            + "(moderators and above)", description = LIST + MEMBER)
    @Errors(403)
    ListPage<JoinRequest> myList(Caller caller, @PathVariable UUID groupId,
                                 @RequestParam MultiValueMap<String, String> query) {
        return requests.list(caller, groupId, query);
    }

    @PostMapping("/v1/me/groups/{groupId}/joinRequests~bulkApprove")
    @Operation(operationId = "myBulkApproveJoinRequests", summary = "Approve join requests (moderators and above)",
            description = APPROVE + MEMBER)
    @Errors({403, 413})
    BulkApproveJoinRequestsResult myApprove(Caller caller, @PathVariable UUID groupId,
                                            @RequestBody DecideJoinRequests body) {
        return approve(caller, groupId, body);
    }

    @PostMapping("/v1/me/groups/{groupId}/joinRequests~bulkReject")
    @Operation(operationId = "myBulkRejectJoinRequests", summary = "Reject join requests (moderators and above)",
            description = REJECT + MEMBER)
    @Errors({403, 413})
    BulkRejectJoinRequestsResult myReject(Caller caller, @PathVariable UUID groupId,
                                          @RequestBody DecideJoinRequests body) {
        return reject(caller, groupId, body);
    }
}
