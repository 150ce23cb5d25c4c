package dev.cohort.joining;

import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.in;

import dev.cohort.spots.Caller;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The groups a member sees, joins and leaves, with a member token (SPEC rules 15-16). */
@RestController
@Tag(name = "Me (member token)")
class MyGroupController {
    static final Filters.Spec FILTERS = Filters.spec()
            .enumeration("joinType", "g.join_type", List.of("open", "code"), eq, in);

    private final SelfJoinService selfJoin;

    MyGroupController(SelfJoinService selfJoin) {
        this.selfJoin = selfJoin;
    }

    /** What a join or a leave did. */
    record GroupJoinStatus(@Schema(allowableValues = {"Joined", "Left"}) String status) {
    }

    @GetMapping("/v1/me/groups")
    @Filtered(MyGroupController.class)
    @Operation(operationId = "listMyGroups", summary = "The groups I am in and may see",
            description = "The open and code groups I am in that are userViewable and inside their window (closed "
                    + "groups, which operators manage, are not shown), sorted by order, then name. Filter: "
                    + "joinType[eq|in].")
    ListPage<MemberGroup> mine(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return selfJoin.visible(caller.spotId(), caller.memberId(), true, ListQuery.read(query, FILTERS));
    }

    @GetMapping("/v1/me/groups/joinable")
    @Filtered(MyGroupController.class)
    @Operation(operationId = "listJoinableGroups", summary = "The groups I can join now",
            description = "The userViewable open and code groups inside their window (startDate <= now < stopDate), "
                    + "sorted by order, then name, each saying whether I am in it (joined). An open group is joined "
                    + "with ~join; a code group with a code. Filter: joinType[eq|in].")
    ListPage<MemberGroup> joinable(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return selfJoin.visible(caller.spotId(), caller.memberId(), false, ListQuery.read(query, FILTERS));
    }

    @PostMapping("/v1/me/groups/{groupId}~join")
    @Operation(operationId = "joinGroup", summary = "Join an open group",
            description = "200 {\"status\": \"Joined\"} for a userViewable open group inside its window; joining "
                    + "again changes nothing. Linked resources invite me at once (with an email when the link says "
                    + "so). 409 saying why for a code group, a closed one, or outside the window; 404 for a group I "
                    + "may not see (not userViewable, smart, unknown, deleted).")
    @Errors(409)
    GroupJoinStatus join(Caller caller, @PathVariable UUID groupId) {
        selfJoin.join(caller.spotId(), groupId, caller.memberId());
        return new GroupJoinStatus("Joined");
    }

    @PostMapping("/v1/me/groups/{groupId}~leave")
    @Operation(operationId = "leaveGroup", summary = "Leave an open or code group",
            description = "200 {\"status\": \"Left\"}, whatever the window; the access only this group gave me is "
                    + "taken away. Leaving a group I am not in changes nothing (200). 409 for a closed group (only an "
                    + "operator can remove me); 404 for a group I am not in and may not see, or a smart one.")
    @Errors(409)
    GroupJoinStatus leave(Caller caller, @PathVariable UUID groupId) {
        selfJoin.leave(caller.spotId(), groupId, caller.memberId());
        return new GroupJoinStatus("Left");
    }
}
