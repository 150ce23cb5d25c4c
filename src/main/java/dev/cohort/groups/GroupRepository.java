package dev.cohort.groups;

import dev.cohort.members.MemberRows;
import dev.cohort.system.Copy;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class GroupRepository {
    /** A group's exact member count: the sum of its deltas (folded to one row by {@link GroupCountCompactor}). */
    static final String MEMBERS_COUNT = "(select coalesce(sum(c.delta), 0) from group_member_count c "
            + "where c.spot_id = g.spot_id and c.group_id = g.id)";
    /** Links live in the access module's table; a group only counts them. */
    static final String RESOURCES_COUNT = "(select count(*) from resource_group_link l "
            + "where l.spot_id = g.spot_id and l.group_id = g.id)";
    private static final String COLUMNS = "g.id, g.name, g.description, g.emoji, g.icon, g.kind, g.rule::text as rule, "
            + "g.rule_evaluated_at, g.created_at, g.updated_at, " + MEMBERS_COUNT + " as members_count, " + RESOURCES_COUNT + " as resources_count";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** COPY's binary format: signature, flags, header extension length. */
    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** One membership row in COPY's binary format: field count, then three 16-byte UUIDs with their lengths. */
    private static final int COPY_ROW = 2 + 3 * (4 + 16);
    private static final int COPY_CHUNK = 1 << 20;
    /** From this many pairs on, memberships are written with COPY. */
    private static final int COPY_FROM = 1000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    GroupRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    UUID insert(UUID spotId, String name, String description, String emoji, String icon) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into member_group (spot_id, id, name, description, emoji, icon) "
                        + "values (:spot, :id, :name, :description, :emoji, :icon)")
                .param("spot", spotId).param("id", id).param("name", name).param("description", description)
                .param("emoji", emoji).param("icon", icon).update();
        return id;
    }

    Optional<Group> find(UUID spotId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from member_group g "
                        + "where g.spot_id = :spot and g.id = :id and g.deleted_at is null")
                .param("spot", spotId).param("id", id).query(GroupRepository::group).optional();
    }

    /** The kind of a live group ("static" or "smart"). */
    Optional<String> kind(UUID spotId, UUID id) {
        return jdbc.sql("select kind from member_group where spot_id = :spot and id = :id and deleted_at is null")
                .param("spot", spotId).param("id", id).query(String.class).optional();
    }

    /**
     * Locks the live group row (shared) against deletion and links while members are added or removed; answers the
     * group's kind, empty when there is no such group.
     */
    Optional<String> lockShared(UUID spotId, UUID id) {
        return jdbc.sql("select kind from member_group where spot_id = :spot and id = :id and deleted_at is null "
                        + "for share")
                .param("spot", spotId).param("id", id).query(String.class).optional();
    }

    ListPage<Group> page(UUID spotId, String where, Map<String, Object> params, Paging paging) {
        List<Group> items = jdbc.sql("select " + COLUMNS + " from member_group g "
                        + "where g.spot_id = :spot and g.deleted_at is null" + where
                        + " order by g.name, g.id limit :limit offset :offset")
                .params(params).param("spot", spotId).param("limit", paging.limit()).param("offset", paging.offset())
                .query(GroupRepository::group).list();
        long total = jdbc.sql("select count(*) from member_group g where g.spot_id = :spot and g.deleted_at is null"
                        + where)
                .params(params).param("spot", spotId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    /**
     * Sets the given text columns; {@code updated_at} moves only when one of them changes (or when {@code touched}:
     * the group's rule or kind changed), so that a body that changes nothing changes nothing.
     */
    boolean update(UUID spotId, UUID id, Map<String, Object> columns, boolean touched) {
        String changed = columns.isEmpty() ? "false" : "(" + String.join(", ", columns.keySet()) + ") is distinct from ("
                + String.join(", ", columns.keySet().stream().map(c -> "cast(:" + c + " as text)").toList()) + ")";
        StringBuilder sets = new StringBuilder(touched ? "updated_at = now()"
                : "updated_at = case when " + changed + " then now() else updated_at end");
        columns.keySet().forEach(column -> sets.append(", ").append(column).append(" = :").append(column));
        return jdbc.sql("update member_group set " + sets + " where spot_id = :spot and id = :id and deleted_at is null")
                .params(columns).param("spot", spotId).param("id", id).update() == 1;
    }

    boolean softDelete(UUID spotId, UUID id) {
        return jdbc.sql("update member_group set deleted_at = now() "
                        + "where spot_id = :spot and id = :id and deleted_at is null")
                .param("spot", spotId).param("id", id).update() == 1;
    }

    boolean restore(UUID spotId, UUID id, int retentionDays) {
        return jdbc.sql("update member_group set deleted_at = null, updated_at = now() where spot_id = :spot "
                        + "and id = :id and deleted_at > now() - make_interval(days => :days)")
                .param("spot", spotId).param("id", id).param("days", retentionDays).update() == 1;
    }

    boolean lockExclusive(UUID spotId, UUID id) {
        return jdbc.sql("select 1 from member_group where spot_id = :spot and id = :id and deleted_at is null "
                        + "for no key update")
                .param("spot", spotId).param("id", id).query(Integer.class).optional().isPresent();
    }

    Set<UUID> existing(UUID spotId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from member_group where spot_id = :spot "
                        + "and id = any(:ids) and deleted_at is null")
                .param("spot", spotId).param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list());
    }

    record Expired(UUID spotId, UUID groupId) {
    }

    List<Expired> expired(int retentionDays, int limit) {
        return jdbc.sql("select spot_id, id from member_group "
                        + "where deleted_at <= now() - make_interval(days => :days) order by deleted_at limit :limit")
                .param("days", retentionDays).param("limit", limit)
                .query((rs, n) -> new Expired(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** Removes a deleted group for good: its memberships, count rows and the group row. */
    void purge(UUID spotId, UUID groupId) {
        for (String sql : List.of("delete from group_membership where spot_id = :spot and group_id = :group",
                "delete from group_member_count where spot_id = :spot and group_id = :group",
                "delete from member_group where spot_id = :spot and id = :group and deleted_at is not null")) {
            jdbc.sql(sql).param("spot", spotId).param("group", groupId).update();
        }
    }

    /**
     * Adds the Spot's members among {@code memberIds} to the group in one statement, writing the count delta in the
     * same one; returns the ids that were not in the group before.
     */
    List<UUID> addMembers(UUID spotId, UUID groupId, UUID[] memberIds) {
        return jdbc.sql("with added as (insert into group_membership (spot_id, group_id, member_id) "
                        + "select :spot, :group, m.id from member m where m.spot_id = :spot and m.id = any(:ids) "
                        + "order by m.id on conflict do nothing returning member_id), "
                        + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, :group, count(*) from added having count(*) > 0) "
                        + "select member_id from added")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds)
                .query(UUID.class).list();
    }

    /** Removes members from the group in one statement with the count delta; returns the ids that were in it. */
    List<UUID> removeMembers(UUID spotId, UUID groupId, UUID[] memberIds) {
        return jdbc.sql("with removed as (delete from group_membership where spot_id = :spot and group_id = :group "
                        + "and member_id = any(:ids) returning member_id), "
                        + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, :group, -count(*) from removed having count(*) > 0) "
                        + "select member_id from removed")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds)
                .query(UUID.class).list();
    }

    /** Locks the live groups among {@code ids} (shared, in id order) for membership changes; returns them. */
    Set<UUID> lockSharedAll(UUID spotId, Collection<UUID> ids) {
        return new HashSet<>(jdbc.sql("select id from member_group where spot_id = :spot and id = any(:ids) "
                        + "and deleted_at is null order by id for share")
                .param("spot", spotId).param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** A (group, member) membership. */
    record Membership(UUID groupId, UUID memberId) {
    }

    /**
     * Adds (group, member) pairs of several groups, with each group's count delta. The caller holds the members'
     * rows and the groups' rows (shared) and knows the pairs are not stored yet: no conflict to skip and nothing to
     * read back. Many pairs go in with COPY in binary format (an import writes millions of them: no text to build or
     * parse), a few in one statement (COPY's extra round trips would cost a tag change more than they save). Pairs
     * sorted by group, then member (as the database orders ids) are written in index order.
     */
    void addPairs(UUID spotId, List<Membership> pairs) {
        if (pairs.size() < COPY_FROM) {
            jdbc.sql("with added as (insert into group_membership (spot_id, group_id, member_id) "
                            + "select :spot, x.g, x.m from unnest(cast(:groups as uuid[]), cast(:members as uuid[])) "
                            + "with ordinality as x(g, m, n) order by x.n returning group_id) "
                            + "insert into group_member_count (spot_id, group_id, delta) "
                            + "select :spot, group_id, count(*) from added group by group_id")
                    .param("spot", spotId)
                    .param("groups", pairs.stream().map(Membership::groupId).toArray(UUID[]::new))
                    .param("members", pairs.stream().map(Membership::memberId).toArray(UUID[]::new))
                    .update();
            return;
        }
        // The key checks' trigger reads the rows back from a store kept in memory up to work_mem: 64 MB holds an
        // import batch's rows (some 180,000) where the default 4 MB sends them to a temporary file and back.
        String workMem = jdbc.sql("select current_setting('work_mem')").query(String.class).single();
        jdbc.sql("select set_config('work_mem', case when pg_size_bytes(:before) < pg_size_bytes('64MB') "
                + "then '64MB' else :before end, true)").param("before", workMem).query(String.class).single();
        try {
            Copy.in(dataSource, "copy group_membership (spot_id, group_id, member_id) from stdin (format binary)",
                    copy -> writePairs(copy, spotId, pairs));
        } catch (SQLException e) {
            DataAccessException translated = new SQLStateSQLExceptionTranslator()
                    .translate("COPY into group_membership", null, e);
            throw translated != null ? translated
                    : new UncategorizedSQLException("COPY into group_membership", null, e);
        }
        jdbc.sql("select set_config('work_mem', :before, true)").param("before", workMem).query(String.class).single();
        Map<UUID, Long> counts = new TreeMap<>();
        pairs.forEach(pair -> counts.merge(pair.groupId(), 1L, Long::sum));
        jdbc.sql("insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, c.g, c.n "
                        + "from unnest(cast(:groups as uuid[]), cast(:counts as bigint[])) as c(g, n)")
                .param("spot", spotId).param("groups", counts.keySet().toArray(UUID[]::new))
                .param("counts", counts.values().toArray(Long[]::new)).update();
    }

    /** The pairs as COPY's binary format, a chunk at a time. */
    private static void writePairs(CopyIn copy, UUID spotId, List<Membership> pairs) throws SQLException {
        ByteBuffer buffer = ByteBuffer.allocate(COPY_CHUNK);
        buffer.put(COPY_HEADER);
        for (Membership pair : pairs) {
            if (buffer.remaining() < COPY_ROW + 2) {
                copy.writeToCopy(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putShort((short) 3);
            uuid(buffer, spotId);
            uuid(buffer, pair.groupId());
            uuid(buffer, pair.memberId());
        }
        buffer.putShort((short) -1);
        copy.writeToCopy(buffer.array(), 0, buffer.position());
    }

    private static void uuid(ByteBuffer buffer, UUID id) {
        buffer.putInt(16);
        buffer.putLong(id.getMostSignificantBits());
        buffer.putLong(id.getLeastSignificantBits());
    }

    /** Removes (group, member) pairs of several groups in one statement with the count deltas; returns those removed. */
    List<Membership> removePairs(UUID spotId, List<Membership> pairs) {
        return jdbc.sql("with removed as (delete from group_membership gm "
                        + "using unnest(cast(:groups as uuid[]), cast(:members as uuid[])) as x(g, m) "
                        + "where gm.spot_id = :spot and gm.group_id = x.g and gm.member_id = x.m "
                        + "returning gm.group_id, gm.member_id), "
                        + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, group_id, -count(*) from removed group by group_id) "
                        + "select group_id, member_id from removed")
                .param("spot", spotId).param("groups", pairs.stream().map(Membership::groupId).toArray(UUID[]::new))
                .param("members", pairs.stream().map(Membership::memberId).toArray(UUID[]::new))
                .query((rs, n) -> new Membership(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** Removes deleted members from every group they were in, with the count deltas. */
    void removeFromAllGroups(UUID spotId, UUID[] memberIds) {
        jdbc.sql("with removed as (delete from group_membership where spot_id = :spot and member_id = any(:ids) "
                        + "returning group_id) "
                        + "insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, group_id, -count(*) from removed group by group_id")
                .param("spot", spotId).param("ids", memberIds).update();
    }

    /** How a member of a smart group got there: an include exception, or else the rule. */
    private static final String SMART_SOURCE = "case when exists (select 1 from smart_group_exception x "
            + "where x.spot_id = gm.spot_id and x.group_id = gm.group_id and x.member_id = gm.member_id "
            + "and x.type = 'include') then 'exception' else 'rule' end";

    ListPage<GroupMember> members(UUID spotId, UUID groupId, boolean smart, String where, Map<String, Object> params,
                                  Paging paging, boolean filtered) {
        String from = " from group_membership gm join member m on m.spot_id = gm.spot_id and m.id = gm.member_id "
                + "where gm.spot_id = :spot and gm.group_id = :group" + where;
        List<GroupMember> items = jdbc.sql("select " + MemberRows.COLUMNS + ", "
                        + (smart ? SMART_SOURCE : "'manual'") + " as membership_source" + from + " order by "
                        + MemberRows.ALPHABETICAL + " limit :limit offset :offset")
                .params(params).param("spot", spotId).param("group", groupId)
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query((rs, n) -> new GroupMember(MemberRows.MAPPER.mapRow(rs, n), rs.getString("membership_source")))
                .list();
        long total = filtered
                ? jdbc.sql("select count(*)" + from).params(params).param("spot", spotId).param("group", groupId)
                        .query(Long.class).single()
                : count(spotId, groupId);
        return new ListPage<>(items, total);
    }

    /** The subset of {@code memberIds} that are in the group. */
    List<UUID> alreadyIn(UUID spotId, UUID groupId, UUID[] memberIds) {
        if (memberIds.length == 0) {
            return List.of();
        }
        return jdbc.sql("select member_id from group_membership where spot_id = :spot and group_id = :group "
                        + "and member_id = any(:ids)")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds).query(UUID.class).list();
    }

    long count(UUID spotId, UUID groupId) {
        return jdbc.sql("select coalesce(sum(delta), 0) from group_member_count where spot_id = :spot and group_id = :group")
                .param("spot", spotId).param("group", groupId).query(Long.class).single();
    }

    private static Group group(ResultSet rs, int row) throws SQLException {
        String rule = rs.getString("rule");
        OffsetDateTime evaluated = rs.getObject("rule_evaluated_at", OffsetDateTime.class);
        return new Group(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("emoji"), rs.getString("icon"), rs.getString("kind"),
                rule == null ? null : JSON.readTree(rule), evaluated == null ? null : evaluated.toInstant().toEpochMilli(),
                rs.getLong("members_count"),
                rs.getLong("resources_count"), millis(rs, "created_at"), millis(rs, "updated_at"));
    }

    private static long millis(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant().toEpochMilli();
    }
}
