package dev.cohort.access;

import dev.cohort.groups.GroupDeleted;
import dev.cohort.groups.GroupPurged;
import dev.cohort.groups.GroupRestored;
import dev.cohort.groups.MembersAddedToGroup;
import dev.cohort.groups.MembersRemovedFromGroup;
import dev.cohort.members.MembersDeleted;
import dev.cohort.resources.CoursePublished;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Access follows group membership: handles the groups' and members' events synchronously, inside the transaction
 * that changed the membership, so that invitations and revocations commit (or not) with it; and a course's
 * publication, inside the transaction that published it.
 */
@Component
class AccessListener {
    private static final Logger log = LoggerFactory.getLogger(AccessListener.class);
    private final Grants grants;
    private final StatisticsRefresher statistics;
    private final JdbcClient jdbc;

    AccessListener(Grants grants, StatisticsRefresher statistics, JdbcClient jdbc) {
        this.grants = grants;
        this.statistics = statistics;
        this.jdbc = jdbc;
    }

    /** Rule 6: members entering a linked group are invited at once, with each link's email switch (rule 11). */
    @EventListener
    void onMembersAdded(MembersAddedToGroup event) {
        if (!linked(event.spotId(), event.groupId())) {
            return;
        }
        GrantRepository.Granted granted = grants.grant(event.spotId(),
                Pairs.newGroupMembers(event.groupId(), event.memberIds().toArray(UUID[]::new)), Source.GROUP,
                true, null);
        statistics.touched(granted.invited());
    }

    /** Rule 8: members leaving a group lose what only that group gave them. */
    @EventListener
    void onMembersRemoved(MembersRemovedFromGroup event) {
        if (!linked(event.spotId(), event.groupId())) {
            return;
        }
        grants.revoke(event.spotId(), Pairs.newGroupMembers(event.groupId(),
                event.memberIds().toArray(UUID[]::new)), Source.GROUP);
    }

    /** Rule 10: a deleted group takes away only what it alone gave; its links stay for a restore. */
    @EventListener
    void onGroupDeleted(GroupDeleted event) {
        GrantRepository.Revoked revoked = grants.revoke(event.spotId(), Pairs.allGroupLinks(event.groupId()),
                Source.GROUP);
        statistics.touched(revoked.sourcesRemoved());
    }

    /** Rule 10: a restored group gives back its access, without a second notification or email. */
    @EventListener
    void onGroupRestored(GroupRestored event) {
        GrantRepository.Granted granted = grants.grant(event.spotId(), Pairs.allGroupLinks(event.groupId()),
                Source.GROUP, false, null);
        statistics.touched(granted.invited());
    }

    /** A Draft course published: the invitations held back while it was a Draft are sent, once. */
    @EventListener
    void onCoursePublished(CoursePublished event) {
        int sent = grants.sendPending(event.spotId(), event.courseId());
        log.info("Spot {}: published course {}, sent {} pending invitations", event.spotId(), event.courseId(), sent);
    }

    @EventListener
    void onGroupPurged(GroupPurged event) {
        jdbc.sql("delete from resource_group_link where spot_id = :spot and group_id = :group")
                .param("spot", event.spotId()).param("group", event.groupId()).update();
    }

    @EventListener
    void onMembersDeleted(MembersDeleted event) {
        jdbc.sql("delete from participant where spot_id = :spot and member_id = any(:members)")
                .param("spot", event.spotId()).param("members", event.memberIds().toArray(UUID[]::new)).update();
    }

    /**
     * Whether the group is linked to any resource: most groups a smart group change touches are not, and the
     * check costs far less than a grant or a revocation that finds nothing to do. A link being made at this moment
     * waits for the membership change (it locks the group row exclusively, the change holds it shared), then sees it.
     */
    private boolean linked(UUID spotId, UUID groupId) {
        return jdbc.sql("select exists (select 1 from resource_group_link where spot_id = :spot and group_id = :group)")
                .param("spot", spotId).param("group", groupId).query(Boolean.class).single();
    }
}
