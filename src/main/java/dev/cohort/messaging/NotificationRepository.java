package dev.cohort.messaging;

import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationRepository {
    private static final String COLUMNS = "n.id, n.member_id, n.spot_id, n.type, n.body::text, n.is_read, n.created_at";

    private final JdbcClient jdbc;

    NotificationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean memberExists(UUID spotId, UUID memberId) {
        return jdbc.sql("select 1 from member where spot_id = :spot and id = :id")
                .param("spot", spotId).param("id", memberId).query(Integer.class).optional().isPresent();
    }

    /** The position of one of the member's notifications, for a cursor. */
    Optional<Long> seq(UUID spotId, UUID memberId, UUID id) {
        return jdbc.sql("select seq from notification where spot_id = :spot and id = :id and member_id = :member")
                .param("spot", spotId).param("id", id).param("member", memberId).query(Long.class).optional();
    }

    /**
     * Up to {@code limit} notifications between the cursors, newest first. Going forward from {@code afterSeq} alone
     * reads the ones just after it (ascending, then reversed), so that paging towards newer items skips none.
     */
    List<Notification> page(UUID spotId, UUID memberId, String where, Map<String, Object> params, Long beforeSeq,
                            Long afterSeq, int limit) {
        String ascending = afterSeq != null && beforeSeq == null ? "asc" : "desc";
        List<Notification> rows = jdbc.sql("select " + COLUMNS + " from notification n "
                        + "where n.spot_id = :spot and n.member_id = :member" + where
                        + (beforeSeq == null ? "" : " and n.seq < :before")
                        + (afterSeq == null ? "" : " and n.seq > :after")
                        + " order by n.seq " + ascending + " limit :limit")
                .params(params).param("spot", spotId).param("member", memberId)
                .param("before", beforeSeq).param("after", afterSeq).param("limit", limit)
                .query(NotificationRepository::notification).list();
        if (ascending.equals("asc")) {
            rows = new java.util.ArrayList<>(rows);
            Collections.reverse(rows);
        }
        return rows;
    }

    /** Marks the member's unread notifications (those of {@code ids}, or all when null) read; returns them. */
    List<Notification> markAsRead(UUID spotId, UUID memberId, UUID[] ids) {
        return jdbc.sql("with n as (update notification n set is_read = true "
                        + "where n.spot_id = :spot and n.member_id = :member and not n.is_read"
                        + (ids == null ? "" : " and n.id = any(:ids)") + " returning n.*) "
                        + "select " + COLUMNS + " from n order by n.seq desc")
                .param("spot", spotId).param("member", memberId).param("ids", ids)
                .query(NotificationRepository::notification).list();
    }

    @Schema(name = "NotificationTypeCount")
    record TypeCount(String type, long count) {
    }

    List<TypeCount> unreadByType(UUID spotId, UUID memberId, String where, Map<String, Object> params) {
        return jdbc.sql("select n.type, count(*) from notification n "
                        + "where n.spot_id = :spot and n.member_id = :member and not n.is_read" + where
                        + " group by n.type order by n.type")
                .params(params).param("spot", spotId).param("member", memberId)
                .query((rs, i) -> new TypeCount(rs.getString(1), rs.getLong(2))).list();
    }

    private static Notification notification(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        Timestamp created = rs.getTimestamp(7);
        return new Notification(id, rs.getObject(2, UUID.class), id, rs.getBoolean(6), created.toInstant(),
                new Notification.Log(id, rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)));
    }
}
