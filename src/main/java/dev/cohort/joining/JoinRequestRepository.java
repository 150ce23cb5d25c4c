package dev.cohort.joining;

import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SQL of join requests ({@code join_request}): one pending request per member and group (a unique index), and
 * decisions taken set-based, each request locked in id order and decided only while it is still pending, so that
 * two operators approving the same request at once approve it once.
 */
@Repository
class JoinRequestRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<MembershipAnswers.Stored>> ANSWERS = new TypeReference<>() {
    };
    /** The pending requests among {@code :ids} of the group, locked in id order. */
    private static final String LOCKED = "with locked as (select r.id from join_request r where r.spot_id = :spot "
            + "and r.group_id = :group and r.id = any(:ids) and r.status = 'Pending' order by r.id for update) ";

    private final JdbcClient jdbc;

    JoinRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A request just decided: its member, the code it came with and the code's membership days. */
    record Decided(UUID id, UUID memberId, @Nullable UUID joinCodeId, @Nullable Integer membershipDays,
                   @Nullable Instant subscriptionUntil) {
    }

    Optional<UUID> pending(UUID spotId, UUID groupId, UUID memberId) {
        return jdbc.sql("select id from join_request where spot_id = :spot and group_id = :group "
                        + "and member_id = :member and status = 'Pending'")
                .param("spot", spotId).param("group", groupId).param("member", memberId)
                .query(UUID.class).optional();
    }

    /** Files a pending request; empty when the member has one already (filed at the same moment). */
    Optional<UUID> file(UUID spotId, UUID groupId, UUID memberId, List<MembershipAnswers.Stored> answers,
                        @Nullable UUID codeId, @Nullable UUID invitationId, Instant now) {
        return jdbc.sql("insert into join_request (spot_id, id, group_id, member_id, answers, join_code_id, "
                        + "invitation_id, created_at) values (:spot, :id, :group, :member, cast(:answers as jsonb), "
                        + ":code, :invitation, :now) "
                        + "on conflict (spot_id, group_id, member_id) where status = 'Pending' do nothing returning id")
                .param("spot", spotId).param("id", UUID.randomUUID()).param("group", groupId)
                .param("member", memberId).param("answers", JSON.writeValueAsString(answers))
                .param("code", codeId).param("invitation", invitationId).param("now", BanRepository.utc(now))
                .query(UUID.class).optional();
    }

    /** Keeps the answers of a member who joined an open group at once: a request approved when it was made. */
    void joined(UUID spotId, UUID groupId, UUID memberId, List<MembershipAnswers.Stored> answers, Instant now) {
        jdbc.sql("insert into join_request (spot_id, id, group_id, member_id, status, answers, created_at, "
                        + "decided_at) values (:spot, :id, :group, :member, 'Approved', cast(:answers as jsonb), "
                        + ":now, :now)")
                .param("spot", spotId).param("id", UUID.randomUUID()).param("group", groupId)
                .param("member", memberId).param("answers", JSON.writeValueAsString(answers))
                .param("now", BanRepository.utc(now)).update();
    }

    /** Cancels the member's pending request; empty when there is none. */
    Optional<UUID> cancel(UUID spotId, UUID groupId, UUID memberId, Instant now) {
        return jdbc.sql("update join_request set status = 'Cancelled', decided_at = :now where spot_id = :spot "
                        + "and group_id = :group and member_id = :member and status = 'Pending' returning id")
                .param("spot", spotId).param("group", groupId).param("member", memberId)
                .param("now", BanRepository.utc(now)).query(UUID.class).optional();
    }

    /**
     * Approves the pending requests among {@code ids} in one statement, but not those of banned members nor, in a
     * subscription group, of members without an active subscription. Returns those approved.
     */
    List<Decided> approve(UUID spotId, UUID groupId, UUID[] ids, @Nullable UUID actor, @Nullable String reason,
                          Instant now, boolean subscription) {
        return jdbc.sql(LOCKED + "update join_request r set status = 'Approved', decided_at = :now, "
                        + "decided_by = :actor, reason = :reason from locked l where r.spot_id = :spot "
                        + "and r.id = l.id and not exists (select 1 from group_ban b where b.spot_id = r.spot_id "
                        + "and b.group_id = r.group_id and b.member_id = r.member_id) "
                        + "and (not cast(:subscription as boolean) or exists (select 1 from group_subscription s "
                        + "where s.spot_id = r.spot_id and s.group_id = r.group_id and s.member_id = r.member_id "
                        + "and s.valid_until > :now)) "
                        + "returning r.id, r.member_id, r.join_code_id, (select c.membership_days from join_code c "
                        + "where c.spot_id = r.spot_id and c.id = r.join_code_id), (select s.valid_until "
                        + "from group_subscription s where s.spot_id = r.spot_id and s.group_id = r.group_id "
                        + "and s.member_id = r.member_id)")
                .param("spot", spotId).param("group", groupId).param("ids", ids).param("actor", actor)
                .param("reason", reason).param("now", BanRepository.utc(now)).param("subscription", subscription)
                .query((rs, n) -> new Decided(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), (Integer) rs.getObject(4),
                        subscription ? rs.getObject(5, OffsetDateTime.class).toInstant() : null))
                .list();
    }

    /** Rejects the pending requests among {@code ids} in one statement; returns those rejected. */
    List<Decided> reject(UUID spotId, UUID groupId, UUID[] ids, @Nullable UUID actor, @Nullable String reason,
                         Instant now) {
        return jdbc.sql(LOCKED + "update join_request r set status = 'Rejected', decided_at = :now, "
                        + "decided_by = :actor, reason = :reason from locked l where r.spot_id = :spot "
                        + "and r.id = l.id returning r.id, r.member_id")
                .param("spot", spotId).param("group", groupId).param("ids", ids).param("actor", actor)
                .param("reason", reason).param("now", BanRepository.utc(now))
                .query((rs, n) -> new Decided(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), null, null,
                        null))
                .list();
    }

    /** Ends the pending requests of banned members (Rejected, reason "banned"), without a notice. */
    void rejectBanned(UUID spotId, UUID groupId, UUID[] memberIds, @Nullable UUID actor, Instant now) {
        jdbc.sql("update join_request set status = 'Rejected', decided_at = :now, decided_by = :actor, "
                        + "reason = 'banned' where spot_id = :spot and group_id = :group and member_id = any(:ids) "
                        + "and status = 'Pending'")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds).param("actor", actor)
                .param("now", BanRepository.utc(now)).update();
    }

    ListPage<JoinRequest> list(UUID spotId, UUID groupId, ListQuery query) {
        String from = " from join_request r join member m on m.spot_id = r.spot_id and m.id = r.member_id "
                + "where r.spot_id = :spot and r.group_id = :group" + query.where();
        List<JoinRequest> items = jdbc.sql("select r.id, r.group_id, r.member_id, m.email, m.firstname, m.lastname, "
                        + "r.status, r.answers::text as answers, r.reason, r.created_at, r.decided_at, r.decided_by, "
                        + "r.join_code_id, r.invitation_id" + from + " order by r.created_at, r.id "
                        + "limit :limit offset :offset")
                .params(query.params()).param("spot", spotId).param("group", groupId)
                .param("limit", query.paging().limit()).param("offset", query.paging().offset())
                .query(JoinRequestRepository::request).list();
        long total = jdbc.sql("select count(*)" + from).params(query.params()).param("spot", spotId)
                .param("group", groupId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    private static JoinRequest request(ResultSet rs, int row) throws SQLException {
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new JoinRequest(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class),
                rs.getObject("member_id", UUID.class), rs.getString("email"), rs.getString("firstname"),
                rs.getString("lastname"), rs.getString("status"), JSON.readValue(rs.getString("answers"), ANSWERS),
                rs.getString("reason"), rs.getObject("created_at", OffsetDateTime.class).toInstant().toEpochMilli(),
                decided == null ? null : decided.toInstant().toEpochMilli(), rs.getObject("decided_by", UUID.class),
                rs.getObject("join_code_id", UUID.class), rs.getObject("invitation_id", UUID.class));
    }
}
