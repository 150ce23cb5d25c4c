package dev.cohort.joining;

import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of bans ({@code group_ban}): who may not come back into a group. */
@Repository
class BanRepository {
    private final JdbcClient jdbc;

    BanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean banned(UUID spotId, UUID groupId, UUID memberId) {
        return jdbc.sql("select exists (select 1 from group_ban where spot_id = :spot and group_id = :group "
                        + "and member_id = :member)")
                .param("spot", spotId).param("group", groupId).param("member", memberId)
                .query(Boolean.class).single();
    }

    /**
     * Bans the Spot's members among {@code memberIds} in one statement; a member banned already keeps their ban (its
     * reason replaced when one is given). Returns the ids banned, new or not.
     */
    List<UUID> add(UUID spotId, UUID groupId, UUID[] memberIds, @Nullable String reason, @Nullable UUID by,
                   Instant now) {
        return jdbc.sql("insert into group_ban as b (spot_id, group_id, member_id, reason, banned_by, created_at) "
                        + "select :spot, :group, m.id, :reason, :by, :now from member m "
                        + "where m.spot_id = :spot and m.id = any(:ids) order by m.id "
                        + "on conflict (spot_id, group_id, member_id) do update "
                        + "set reason = coalesce(excluded.reason, b.reason) returning b.member_id")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds).param("reason", reason)
                .param("by", by).param("now", utc(now))
                .query(UUID.class).list();
    }

    /** Lifts the bans of {@code memberIds}; returns those who were banned. */
    List<UUID> remove(UUID spotId, UUID groupId, UUID[] memberIds) {
        return jdbc.sql("delete from group_ban where spot_id = :spot and group_id = :group "
                        + "and member_id = any(:ids) returning member_id")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds).query(UUID.class).list();
    }

    ListPage<GroupBan> list(UUID spotId, UUID groupId, ListQuery query) {
        String from = " from group_ban b join member m on m.spot_id = b.spot_id and m.id = b.member_id "
                + "where b.spot_id = :spot and b.group_id = :group" + query.where();
        List<GroupBan> items = jdbc.sql("select b.member_id, m.email, m.firstname, m.lastname, b.reason, "
                        + "b.banned_by, b.created_at" + from + " order by b.created_at, b.member_id "
                        + "limit :limit offset :offset")
                .params(query.params()).param("spot", spotId).param("group", groupId)
                .param("limit", query.paging().limit()).param("offset", query.paging().offset())
                .query(BanRepository::ban).list();
        long total = jdbc.sql("select count(*)" + from).params(query.params()).param("spot", spotId)
                .param("group", groupId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    private static GroupBan ban(ResultSet rs, int row) throws SQLException {
        return new GroupBan(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getObject(6, UUID.class),
                rs.getObject(7, OffsetDateTime.class).toInstant().toEpochMilli());
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
