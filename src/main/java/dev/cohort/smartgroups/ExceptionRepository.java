package dev.cohort.smartgroups;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A smart group's exceptions ({@code smart_group_exception}): members always included or excluded. */
@Repository
class ExceptionRepository {
    /** How a member of a smart group got there: an include exception, or else the rule (over the membership row gm). */
    static final String MEMBERSHIP_SOURCE = "case when exists (select 1 from smart_group_exception x "
            + "where x.spot_id = gm.spot_id and x.group_id = gm.group_id and x.member_id = gm.member_id "
            + "and x.type = 'include') then 'exception' else 'rule' end";

    private final JdbcClient jdbc;

    ExceptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Exceptions among the given members, by group then member: "include" or "exclude". */
    Map<UUID, Map<UUID, String>> exceptions(UUID spotId, Collection<UUID> memberIds) {
        Map<UUID, Map<UUID, String>> byGroup = new HashMap<>();
        jdbc.sql("select group_id, member_id, type from smart_group_exception where spot_id = :spot "
                        + "and member_id = any(:members)")
                .param("spot", spotId).param("members", memberIds.toArray(UUID[]::new))
                .query(rs -> {
                    byGroup.computeIfAbsent(rs.getObject(1, UUID.class), g -> new HashMap<>())
                            .put(rs.getObject(2, UUID.class), rs.getString(3));
                });
        return byGroup;
    }

    /** Sets the exception of each member (replacing one of the other type); returns the members now listed. */
    List<UUID> addExceptions(UUID spotId, UUID groupId, UUID[] memberIds, String type) {
        return jdbc.sql("insert into smart_group_exception (spot_id, group_id, member_id, type) "
                        + "select :spot, :group, m.id, :type from member m where m.spot_id = :spot and m.id = any(:ids) "
                        + "order by m.id on conflict (spot_id, group_id, member_id) do update set type = excluded.type, "
                        + "created_at = case when smart_group_exception.type = excluded.type "
                        + "then smart_group_exception.created_at else now() end returning member_id")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds).param("type", type)
                .query(UUID.class).list();
    }

    List<UUID> removeExceptions(UUID spotId, UUID groupId, UUID[] memberIds, String type) {
        return jdbc.sql("delete from smart_group_exception where spot_id = :spot and group_id = :group "
                        + "and member_id = any(:ids) and (cast(:type as text) is null or type = :type) returning member_id")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds).param("type", type)
                .query(UUID.class).list();
    }

    /** A member always included in (or excluded from) a smart group, whatever its rule says. */
    record RuleException(UUID spotMemberId, String type, long createdAt) {
    }

    ListPage<RuleException> exceptionPage(UUID spotId, UUID groupId, String where, Map<String, Object> params,
                                      Paging paging) {
        String from = " from smart_group_exception where spot_id = :spot and group_id = :group" + where;
        List<RuleException> items = jdbc.sql("select member_id, type, created_at" + from
                        + " order by created_at, member_id limit :limit offset :offset")
                .params(params).param("spot", spotId).param("group", groupId).param("limit", paging.limit())
                .param("offset", paging.offset())
                .query((rs, n) -> new RuleException(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant().toEpochMilli()))
                .list();
        long total = jdbc.sql("select count(*)" + from).params(params).param("spot", spotId).param("group", groupId)
                .query(Long.class).single();
        return new ListPage<>(items, total);
    }

    void clearExceptions(UUID spotId, UUID groupId) {
        jdbc.sql("delete from smart_group_exception where spot_id = :spot and group_id = :group")
                .param("spot", spotId).param("group", groupId).update();
    }
}
