package dev.cohort.joining;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of subscriptions ({@code group_subscription}) the host's billing reports, and the reads of memberships
 * whose end follows them (a subscription group's plain members: owner, admins and moderators keep theirs).
 */
@Repository
class SubscriptionRepository {
    private final JdbcClient jdbc;

    SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The end of the member's subscription to the group when it is active at {@code now}. */
    Optional<Instant> activeUntil(UUID spotId, UUID groupId, UUID memberId, Instant now) {
        return jdbc.sql("select valid_until from group_subscription where spot_id = :spot and group_id = :group "
                        + "and member_id = :member and valid_until > :now")
                .param("spot", spotId).param("group", groupId).param("member", memberId)
                .param("now", BanRepository.utc(now))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /**
     * Writes the subscriptions of the Spot's members among {@code memberIds} (each with its end, same order) in one
     * statement, replacing those reported before. Returns the ids written.
     */
    List<UUID> upsert(UUID spotId, UUID groupId, UUID[] memberIds, Instant[] validUntil, Instant now) {
        return jdbc.sql("insert into group_subscription as s (spot_id, group_id, member_id, valid_until, updated_at) "
                        + "select :spot, :group, m.id, x.until, :now "
                        + "from unnest(cast(:members as uuid[]), cast(:untils as timestamptz[])) as x(member, until) "
                        + "join member m on m.spot_id = :spot and m.id = x.member order by m.id "
                        + "on conflict (spot_id, group_id, member_id) do update "
                        + "set valid_until = excluded.valid_until, updated_at = excluded.updated_at "
                        + "returning s.member_id")
                .param("spot", spotId).param("group", groupId).param("members", memberIds)
                .param("untils", java.util.Arrays.stream(validUntil).map(Instant::toString).toArray(String[]::new))
                .param("now", BanRepository.utc(now))
                .query(UUID.class).list();
    }

    /** Those of {@code memberIds} who are plain members of the group (no owner, admin or moderator role). */
    List<UUID> plainMembers(UUID spotId, UUID groupId, UUID[] memberIds) {
        return jdbc.sql("select member_id from group_membership where spot_id = :spot and group_id = :group "
                        + "and member_id = any(:ids) and coalesce(group_role, 'member') = 'member'")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds).query(UUID.class).list();
    }
}
