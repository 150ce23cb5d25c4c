package dev.cohort.groups;

import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of group rows: create, read, page, update, soft delete, restore, purge, and the row locks. */
@Repository
class GroupRepository {
    /** A group's exact member count: the sum of its deltas (folded to one row by {@link GroupCountCompactor}). */
    static final String MEMBERS_COUNT = "(select coalesce(sum(c.delta), 0) from group_member_count c "
            + "where c.spot_id = g.spot_id and c.group_id = g.id)";
    /** Links live in the access module's table; a group only counts them. */
    static final String RESOURCES_COUNT = "(select count(*) from resource_group_link l "
            + "where l.spot_id = g.spot_id and l.group_id = g.id)";
    private static final String COLUMNS = "g.id, g.name, g.description, g.emoji, g.icon, g.kind, g.rule::text as rule, "
            + "g.rule_evaluated_at, g.join_type, g.user_viewable, g.start_date, g.stop_date, g.sort_order, "
            + "g.created_at, g.updated_at, " + MEMBERS_COUNT + " as members_count, " + RESOURCES_COUNT + " as resources_count";

    /** The SQL type of each non-text column an update may set. */
    private static final Map<String, String> TYPES = Map.of("user_viewable", "boolean", "start_date", "timestamptz",
            "stop_date", "timestamptz", "sort_order", "integer");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    GroupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a group of {@code kind} static or community (a smart group is a static one given a rule). */
    UUID insert(UUID spotId, String kind, String name, String description, String emoji, String icon,
                JoinSettings settings) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into member_group (spot_id, id, kind, name, description, emoji, icon, "
                        + "join_type, user_viewable, start_date, stop_date, sort_order) "
                        + "values (:spot, :id, :kind, :name, :description, :emoji, :icon, :joinType, :userViewable, "
                        + "cast(:startDate as timestamptz), cast(:stopDate as timestamptz), :order)")
                .param("spot", spotId).param("id", id).param("kind", kind).param("name", name)
                .param("description", description).param("emoji", emoji).param("icon", icon).param("joinType", settings.joinType())
                .param("userViewable", settings.userViewable())
                .param("startDate", JoinSettings.timestamp(settings.startDate()))
                .param("stopDate", JoinSettings.timestamp(settings.stopDate())).param("order", settings.order())
                .update();
        return id;
    }

    Optional<Group> find(UUID spotId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from member_group g "
                        + "where g.spot_id = :spot and g.id = :id and g.deleted_at is null")
                .param("spot", spotId).param("id", id).query(GroupRepository::group).optional();
    }

    /** The kind of a live group ("static", "smart" or "community"). */
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
     * Sets the given columns (text, or the types of {@link #TYPES}); {@code updated_at} moves only when one of them
     * changes (or when {@code touched}: the group's rule or kind changed), so that a body that changes nothing changes
     * nothing.
     */
    boolean update(UUID spotId, UUID id, Map<String, Object> columns, boolean touched) {
        String changed = columns.isEmpty() ? "false" : "(" + String.join(", ", columns.keySet()) + ") is distinct from ("
                + String.join(", ", columns.keySet().stream().map(GroupRepository::typed).toList()) + ")";
        StringBuilder sets = new StringBuilder(touched ? "updated_at = now()"
                : "updated_at = case when " + changed + " then now() else updated_at end");
        columns.keySet().forEach(column -> sets.append(", ").append(column).append(" = ").append(typed(column)));
        return jdbc.sql("update member_group set " + sets + " where spot_id = :spot and id = :id and deleted_at is null")
                .params(columns).param("spot", spotId).param("id", id).update() == 1;
    }

    private static String typed(String column) {
        return "cast(:" + column + " as " + TYPES.getOrDefault(column, "text") + ")";
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

    /** Locks the live groups among {@code ids} (shared, in id order) for membership changes; returns them. */
    Set<UUID> lockSharedAll(UUID spotId, Collection<UUID> ids) {
        return new HashSet<>(jdbc.sql("select id from member_group where spot_id = :spot and id = any(:ids) "
                        + "and deleted_at is null order by id for share")
                .param("spot", spotId).param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list());
    }

    private static Group group(ResultSet rs, int row) throws SQLException {
        String rule = rs.getString("rule");
        OffsetDateTime evaluated = rs.getObject("rule_evaluated_at", OffsetDateTime.class);
        return new Group(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("emoji"), rs.getString("icon"), rs.getString("kind"),
                rule == null ? null : JSON.readTree(rule), evaluated == null ? null : evaluated.toInstant().toEpochMilli(),
                rs.getString("join_type"), rs.getBoolean("user_viewable"), seconds(rs, "start_date"),
                seconds(rs, "stop_date"), rs.getInt("sort_order"),
                rs.getLong("members_count"),
                rs.getLong("resources_count"), millis(rs, "created_at"), millis(rs, "updated_at"), CommunityFields.NONE);
    }

    /** A nullable timestamp as Unix seconds. */
    static Long seconds(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toEpochSecond();
    }

    private static long millis(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant().toEpochMilli();
    }
}
