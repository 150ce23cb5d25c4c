package dev.cohort.groups;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of memberships that expire ({@code group_membership.valid_until}): adds that set or clear the date, the
 * groups whose memberships are due, and the delete that ends them, each writing its count delta in the same statement.
 */
@Repository
class MembershipExpiryRepository {
    private final JdbcClient jdbc;

    MembershipExpiryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A group with memberships due to end. */
    record Due(UUID spotId, UUID groupId) {
    }

    /**
     * Adds the Spot's members among {@code memberIds} to the group with {@code validUntil} (null: permanent) in one
     * statement, and gives the members already in it the same date (a re-add extends, shortens or clears it; a row
     * whose date does not change is not written). The count delta counts the new rows only; returns their ids.
     */
    List<UUID> addMembers(UUID spotId, UUID groupId, UUID[] memberIds, @Nullable Instant validUntil) {
        // The new rows are inserted (do nothing on the others, which locks none of them), and only the rows whose
        // date changes are updated: a re-add that changes no date locks no row, as before dates existed, so that
        // concurrent adds and removes of the same members do not deadlock on them. The update does not see this
        // statement's inserts (one snapshot), which have their date already.
        return jdbc.sql("with added as (insert into group_membership (spot_id, group_id, member_id, valid_until) "
                        + "select :spot, :group, m.id, cast(:until as timestamptz) from member m "
                        + "where m.spot_id = :spot and m.id = any(:ids) order by m.id "
                        + "on conflict (group_id, member_id) do nothing returning member_id), "
                        + "dated as (update group_membership gm set valid_until = cast(:until as timestamptz) "
                        + "where gm.spot_id = :spot and gm.group_id = :group and gm.member_id = any(:ids) "
                        + "and gm.valid_until is distinct from cast(:until as timestamptz) returning gm.member_id), "
                        + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, :group, count(*) from added having count(*) > 0) "
                        + "select member_id from added")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds)
                .param("until", timestamp(validUntil))
                .query(UUID.class).list();
    }

    /**
     * Live static and community groups (a subscription's end is a community membership's) with memberships whose
     * validUntil is at or before {@code now}, at most {@code limit}.
     */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("select g.spot_id, g.id from member_group g where g.deleted_at is null and g.kind <> 'smart' "
                        + "and (g.spot_id, g.id) in (select gm.spot_id, gm.group_id from group_membership gm "
                        + "where gm.valid_until <= :now) order by g.spot_id, g.id limit :limit")
                .param("now", timestamp(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /**
     * Ends the group's memberships whose validUntil is at or before {@code now}, in one statement with the count
     * delta; returns the members who left.
     */
    List<UUID> expire(UUID spotId, UUID groupId, Instant now) {
        return jdbc.sql("with removed as (delete from group_membership where spot_id = :spot and group_id = :group "
                        + "and valid_until <= :now returning member_id), "
                        + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, :group, -count(*) from removed having count(*) > 0) "
                        + "select member_id from removed")
                .param("spot", spotId).param("group", groupId).param("now", timestamp(now))
                .query(UUID.class).list();
    }

    /** Makes every membership of the group permanent (a group turned smart: its memberships follow its rule). */
    int clear(UUID spotId, UUID groupId) {
        return jdbc.sql("update group_membership set valid_until = null where valid_until is not null "
                        + "and spot_id = :spot and group_id = :group")
                .param("spot", spotId).param("group", groupId).update();
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
