package dev.cohort.messaging;

import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.media.Schema;
import dev.cohort.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {
    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A claimed email row with what rendering it needs; member, resource and group are null when they are gone. A
     * group email has the group's name, the address it goes to when it is no member's ({@code toEmail}), its link
     * and note.
     */
    record Claimed(long id, UUID spotId, UUID messageId, UUID memberId, UUID resourceId, int attempts, String email,
                   String firstname, String lastname, String spotName, String resourceType, String resourceName,
                   String subject, String body, String template, String subjectName, String groupName,
                   String toEmail, String link, String note) {
    }

    /**
     * Claims up to {@code batch} due email rows in one short statement: skips rows locked by another worker, counts
     * the attempt and pushes {@code next_attempt_at} forward by the lease, so that a row whose worker dies
     * mid-send becomes due again when the lease runs out.
     */
    List<Claimed> claim(int batch, int leaseSeconds, UUID spotId) {
        return jdbc.sql("with claimed as (update outbox o set attempts = o.attempts + 1, "
                        + "next_attempt_at = now() + make_interval(secs => :lease) "
                        + "where o.id = any(array(select id from outbox where status = 'pending' and kind = 'email' "
                        + "and next_attempt_at <= now() and (cast(:spot as uuid) is null or spot_id = :spot) "
                        + "order by next_attempt_at, id limit :batch "
                        + "for update skip locked)) "
                        + "returning o.id, o.spot_id, o.message_id, o.member_id, o.resource_id, o.attempts, "
                        + "o.template, o.subject_member_id, o.group_id, o.to_email, o.link, o.note) "
                        + "select c.id, c.spot_id, c.message_id, c.member_id, c.resource_id, c.attempts, m.email, "
                        + "m.firstname, m.lastname, s.name, r.type, r.name, t.subject, t.body, c.template, "
                        + "coalesce(nullif(trim(concat_ws(' ', sm.firstname, sm.lastname)), ''), sm.email), "
                        + "g.name, c.to_email, c.link, c.note "
                        + "from claimed c "
                        + "left join member_group g on g.spot_id = c.spot_id and g.id = c.group_id "
                        + "left join member sm on sm.spot_id = c.spot_id and sm.id = c.subject_member_id "
                        + "left join spot s on s.id = c.spot_id "
                        + "left join member m on m.spot_id = c.spot_id and m.id = c.member_id "
                        + "left join resource r on r.spot_id = c.spot_id and r.id = c.resource_id "
                        + "left join invitation_template t on t.spot_id = c.spot_id and t.type = r.type "
                        + "order by c.id")
                .param("lease", leaseSeconds).param("batch", batch).param("spot", spotId)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getObject(2, UUID.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
                        rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18),
                        rs.getString(19), rs.getString(20)))
                .list();
    }

    boolean markSent(long id) {
        // A link may carry a single-use token (a group invitation's): it is kept only until the email is sent.
        return jdbc.sql("update outbox set status = 'sent', sent_at = now(), last_error = null, link = null "
                        + "where id = :id and status = 'pending'")
                .param("id", id).update() == 1;
    }

    void retryLater(long id, long delaySeconds, String error) {
        jdbc.sql("update outbox set next_attempt_at = now() + make_interval(secs => :delay), last_error = :error "
                        + "where id = :id and status = 'pending'")
                .param("id", id).param("delay", delaySeconds).param("error", error).update();
    }

    void markDead(long id, String error) {
        jdbc.sql("update outbox set status = 'dead', last_error = :error, link = null "
                        + "where id = :id and status = 'pending'")
                .param("id", id).param("error", error).update();
    }

    /** Hands claimed rows that were not tried back to the queue at once, the claim not counted. */
    void release(long[] ids) {
        jdbc.sql("update outbox set next_attempt_at = now(), attempts = attempts - 1 "
                        + "where id = any(:ids) and status = 'pending'")
                .param("ids", ids).update();
    }

    /** A row as {@code GET /v1/outbox} shows it. */
    @Schema(name = "OutboxEmail")
    record Row(long id, UUID messageId, String template,
               @Schema(description = "The member the email goes to; null for a group invitation to an address that "
                       + "is no member's") @Nullable UUID spotMemberId,
               @Schema(description = "The resource the email is about, if any") @Nullable UUID resourceId,
               @Schema(description = "The group the email is about, if any") @Nullable UUID groupId,
               @Schema(allowableValues = {"pending", "sent", "dead"}) String status,
               int attempts, Instant nextAttemptAt,
               @Schema(description = "Why the last attempt failed") @Nullable String lastError,
               Instant createdAt, @Nullable Instant sentAt) {
    }

    ListPage<Row> page(UUID spotId, String where, Map<String, Object> params, Paging paging) {
        List<Row> items = jdbc.sql("select o.id, o.message_id, o.template, o.member_id, o.resource_id, o.status, "
                        + "o.group_id, "
                        + "o.attempts, o.next_attempt_at, o.last_error, o.created_at, o.sent_at from outbox o "
                        + "where o.spot_id = :spot" + where + " order by o.id desc limit :limit offset :offset")
                .params(params).param("spot", spotId).param("limit", paging.limit()).param("offset", paging.offset())
                .query(OutboxRepository::row).list();
        long total = jdbc.sql("select count(*) from outbox o where o.spot_id = :spot" + where)
                .params(params).param("spot", spotId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
                rs.getObject(5, UUID.class), rs.getObject("group_id", UUID.class), rs.getString(6), rs.getInt(8),
                instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)),
                instant(rs.getTimestamp(12)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
