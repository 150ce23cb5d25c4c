package dev.cohort.joining;

import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.in;

import dev.cohort.errors.InvalidInputException;
import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The groups a member sees, joins and leaves, with a member token (SPEC rules 15-16). */
@RestController
@Tag(name = "Me (member token)")
class MyGroupController {
    static final Filters.Spec FILTERS = Filters.spec()
            .enumeration("joinType", SelfJoinRepository.JOIN_TYPE, List.of("open", "code", "approval"), eq, in)
            .enumeration("kind", "g.kind", List.of("static", "community"), eq);

    private final SelfJoinService selfJoin;
    private final CommunityJoinService community;

    MyGroupController(SelfJoinService selfJoin, CommunityJoinService community) {
        this.selfJoin = selfJoin;
        this.community = community;
    }

    /** What a join, a leave or a cancellation did. */
    record GroupJoinStatus(@Schema(allowableValues = {"Joined", "Pending", "Left", "Cancelled"}) String status,
                           @Schema(description = "The join request (Pending, Cancelled); null otherwise")
                           @Nullable UUID joinRequestId) {
        GroupJoinStatus(String status) {
            this(status, null);
        }
    }

    @Body
    @Schema(description = "A community group's membership answers; a static open group takes none")
    record JoinGroup(@Size(max = 10) @Schema(description = "One answer per question answered; every required "
            + "question needs one") List<MembershipAnswers.Given> answers) {
    }

    @GetMapping("/v1/me/groups")
    @Filtered(MyGroupController.class)
    @Operation(operationId = "listMyGroups", summary = "The groups I am in and may see",
            description = "The open and code groups I am in that are userViewable and inside their window (closed "
                    + "groups, which operators manage, are not shown) and the community groups I am in (with my "
                    + "groupRole), sorted by order, then name. Filters: joinType[eq|in] (open, code, approval: a "
                    + "community group's joinPolicy), kind[eq] (static, community).")
    ListPage<MemberGroup> mine(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return selfJoin.visible(caller.spotId(), caller.memberId(), true, ListQuery.read(query, FILTERS));
    }

    @GetMapping("/v1/me/groups/joinable")
    @Filtered(MyGroupController.class)
    @Operation(operationId = "listJoinableGroups", summary = "The groups I can join now",
            description = "The userViewable open and code groups inside their window (startDate <= now < stopDate) "
                    + "and the community groups I am not banned from, sorted by order, then name, each saying whether "
                    + "I am in it (joined) or wait for approval (pending). An open group is joined with ~join; a code "
                    + "group with a code; an approval group (a community group's joinPolicy) with ~join too, which "
                    + "files a join request. Filters: joinType[eq|in], kind[eq].")
    ListPage<MemberGroup> joinable(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return selfJoin.visible(caller.spotId(), caller.memberId(), false, ListQuery.read(query, FILTERS));
    }

    @PostMapping("/v1/me/groups/{groupId}~join")
    @Operation(operationId = "joinGroup", summary = "Join a group, or ask to",
            description = "A static group: 200 {\"status\": \"Joined\"} for a userViewable open group inside its "
                    + "window; joining again changes nothing; 409 saying why for a code group, a closed one, or "
                    + "outside the window; 404 for a group I may not see (not userViewable, smart, unknown, "
                    + "deleted). A community group (body {\"answers\": [{\"questionId\", \"answer\"}]}, answers "
                    + "up to 2,000 characters): joinPolicy open joins at once (200 {\"status\": \"Joined\"}), "
                    + "approval files a join request (200 {\"status\": \"Pending\", \"joinRequestId\"}; asking "
                    + "again while it is pending answers the same request); 400 naming answers[questionId] for each "
                    + "required question left unanswered and answers[i].questionId for an unknown one; 409 "
                    + "\"banned\" or \"subscription required\" (a subscription group admits members with an "
                    + "active subscription only). Linked resources invite me at once when I join.")
    @Errors(409)
    GroupJoinStatus join(Caller caller, @PathVariable UUID groupId, @RequestBody(required = false) JoinGroup body) {
        List<MembershipAnswers.Given> answers = body == null || body.answers() == null ? List.of() : body.answers();
        if (community.find(caller.spotId(), groupId).isEmpty()) {
            if (!answers.isEmpty()) {
                selfJoin.requireVisible(caller.spotId(), groupId, caller.memberId());
                throw new InvalidInputException("answers", "this group asks no membership questions");
            }
            selfJoin.join(caller.spotId(), groupId, caller.memberId());
            return new GroupJoinStatus("Joined");
        }
        CommunityJoinService.Outcome outcome = community.join(caller.spotId(), groupId, caller.memberId(), answers);
        return new GroupJoinStatus(outcome.status(), outcome.joinRequestId());
    }

    @PostMapping("/v1/me/groups/{groupId}~cancelJoinRequest")
    @Operation(operationId = "cancelMyJoinRequest", summary = "Cancel my pending request to join a community group",
            description = "200 {\"status\": \"Cancelled\", \"joinRequestId\"}; I may ask again later. 409 when I "
                    + "have no pending request; 404 for a group that is not a community group.")
    @Errors(409)
    GroupJoinStatus cancelJoinRequest(Caller caller, @PathVariable UUID groupId) {
        return new GroupJoinStatus("Cancelled", community.cancel(caller.spotId(), groupId, caller.memberId()));
    }

    @PostMapping("/v1/me/groups/{groupId}~leave")
    @Operation(operationId = "leaveGroup", summary = "Leave an open, code or community group",
            description = "200 {\"status\": \"Left\"}, whatever the window; the access only this group gave me is "
                    + "taken away. Leaving a group I am not in changes nothing (200). 409 for a closed group (only an "
                    + "operator can remove me) and for the owner of a community group; 404 for a group I am not in "
                    + "and may not see, or a smart one.")
    @Errors(409)
    GroupJoinStatus leave(Caller caller, @PathVariable UUID groupId) {
        if (community.find(caller.spotId(), groupId).isPresent()) {
            community.leave(caller.spotId(), groupId, caller.memberId());
        } else {
            selfJoin.leave(caller.spotId(), groupId, caller.memberId());
        }
        return new GroupJoinStatus("Left");
    }
}
