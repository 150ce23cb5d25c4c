package dev.cohort.groups;

import dev.cohort.members.MemberRows;
import dev.cohort.members.SpotMember;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of smart groups: rules, exceptions, facts of changed members, and set-based (re-)evaluation. */
@Repository
class SmartGroupRepository {
    /** First key of the advisory lock that orders rule evaluations (exclusive) and member changes (shared) per Spot. */
    private static final int SMART_LOCK = 0x5a3a27;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final String workMem;
    /** Parallel workers per evaluation statement, or null to leave PostgreSQL's setting. */
    private final String parallelWorkers;

    SmartGroupRepository(JdbcClient jdbc, dev.cohort.system.Settings settings) {
        this.jdbc = jdbc;
        this.workMem = settings.get("COHORT_SMART_WORK_MEM").orElse("256MB");
        this.parallelWorkers = parallelWorkers(settings, Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@code COHORT_SMART_PARALLEL_WORKERS}: a number of workers, or {@code default} for PostgreSQL's own setting.
     * Unset, evaluations run serially on a machine of fewer than 4 cores: there the leader and two workers share two
     * cores and an evaluation took 1.8 s instead of 1.05 s serially (BENCHMARKS.md), and PostgreSQL decides elsewhere.
     */
    static String parallelWorkers(dev.cohort.system.Settings settings, int cores) {
        String value = settings.get("COHORT_SMART_PARALLEL_WORKERS").orElse(cores < 4 ? "0" : "default");
        if (value.equalsIgnoreCase("default")) {
            return null;
        }
        try {
            int workers = Integer.parseInt(value);
            if (workers >= 0 && workers <= 64) {
                return Integer.toString(workers);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("COHORT_SMART_PARALLEL_WORKERS must be a number of workers from 0 to 64 or "
                + "\"default\", not \"" + value + "\"");
    }

    /**
     * Rule evaluations over a Spot take the Spot's smart lock exclusively, member changes share it: a member
     * change is evaluated with the rules as committed, and a rule sees every member change committed before it.
     */
    void lockSpot(UUID spotId, boolean exclusive) {
        jdbc.sql("select " + (exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared")
                        + "(:lock, hashtext(cast(:spot as text)))")
                .param("lock", SMART_LOCK).param("spot", spotId).query().listOfRows();
    }

    /**
     * Plans {@code work} for evaluating a rule over a whole Spot: room to hash the members holding a
     * tag or a property value (a million ids need some 100 MB; with the default 4 MB a condition under
     * {@code or}/{@code not} would be re-scanned per member), and hash joins rather than nested loops, which the
     * planner picks when it underestimates how many values match a condition on JSON (one index lookup per member:
     * 9 s instead of 2.4 s over a million members); and the parallel workers of {@code COHORT_SMART_PARALLEL_WORKERS}.
     */
    <T> T evaluating(java.util.function.Supplier<T> work) {
        Map<String, String> planned = new LinkedHashMap<>();
        planned.put("work_mem", workMem);
        planned.put("enable_nestloop", "off");
        // Custom plans too: a statement run often enough becomes a server-side prepared statement, whose generic
        // plan knows neither the Spot's size nor the tags' frequency.
        planned.put("plan_cache_mode", "force_custom_plan");
        // No JIT compilation either: it spends some 120 ms compiling an evaluation that it does not make faster.
        planned.put("jit", "off");
        if (parallelWorkers != null) {
            planned.put("max_parallel_workers_per_gather", parallelWorkers);
        }
        Map<String, String> before = new LinkedHashMap<>();
        jdbc.sql("select s.name, current_setting(s.name) from unnest(cast(:names as text[])) as s(name)")
                .param("names", planned.keySet().toArray(String[]::new))
                .query(rs -> {
                    before.put(rs.getString(1), rs.getString(2));
                });
        settings(planned);
        try {
            return work.get();
        } finally {
            // The statements that follow (invitations of the members who entered) keep the usual plans.
            settings(before);
        }
    }

    /** Sets each setting for the rest of the transaction. */
    private void settings(Map<String, String> values) {
        jdbc.sql("select set_config(s.name, s.value, true) "
                        + "from unnest(cast(:names as text[]), cast(:values as text[])) as s(name, value)")
                .param("names", values.keySet().toArray(String[]::new))
                .param("values", values.values().toArray(String[]::new))
                .query().listOfRows();
    }

    RuleContext context(UUID spotId) {
        Map<UUID, String> tags = new HashMap<>();
        Map<String, UUID> byName = new HashMap<>();
        jdbc.sql("select id, lower(name) as name from tag where spot_id = :spot").param("spot", spotId)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    tags.put(id, rs.getString("name"));
                    byName.put(rs.getString("name"), id);
                });
        Map<String, RuleContext.Property> properties = new HashMap<>();
        jdbc.sql("select id, slug, type, possible_values from custom_property where spot_id = :spot")
                .param("spot", spotId).query(rs -> {
                    properties.put(rs.getString("slug"), new RuleContext.Property(rs.getObject("id", UUID.class),
                            rs.getString("type"), List.of((String[]) rs.getArray("possible_values").getArray())));
                });
        Set<UUID> roles = new HashSet<>(jdbc.sql("select id from custom_role where spot_id = :spot")
                .param("spot", spotId).query(UUID.class).list());
        return new RuleContext(tags, byName, properties, roles);
    }

    /** A live smart group's rule as saved, and its version (bumped at every change of the rule). */
    record Stored(UUID id, int version, JsonNode rule) {
    }

    /**
     * Live smart groups of the Spot reading any of {@code fields} (every one when null), among {@code groupIds}
     * (all when null), with their rule versions but without their rules.
     */
    Map<UUID, Integer> candidates(UUID spotId, Collection<String> fields, Collection<UUID> groupIds) {
        Map<UUID, Integer> versions = new LinkedHashMap<>();
        jdbc.sql("select id, rule_version from member_group where spot_id = :spot and kind = 'smart' "
                        + "and deleted_at is null" + (fields == null ? "" : " and rule_fields && cast(:fields as text[])")
                        + (groupIds == null ? "" : " and id = any(:ids)") + " order by id")
                .param("spot", spotId).param("fields", fields == null ? new String[0] : fields.toArray(String[]::new))
                .param("ids", groupIds == null ? new UUID[0] : groupIds.toArray(UUID[]::new))
                .query(rs -> {
                    versions.put(rs.getObject(1, UUID.class), rs.getInt(2));
                });
        return versions;
    }

    List<Stored> rules(UUID spotId, Collection<UUID> groupIds) {
        return jdbc.sql("select id, rule_version, rule::text as rule from member_group where spot_id = :spot "
                        + "and id = any(:ids) and kind = 'smart' and deleted_at is null")
                .param("spot", spotId).param("ids", groupIds.toArray(UUID[]::new))
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getInt(2), JSON.readTree(rs.getString(3))))
                .list();
    }

    /** Live smart groups whose rules compare dates with "now". */
    List<GroupRepository.Expired> relativeGroups() {
        return jdbc.sql("select spot_id, id from member_group where kind = 'smart' and rule_relative "
                        + "and deleted_at is null order by rule_evaluated_at nulls first")
                .query((rs, n) -> new GroupRepository.Expired(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
    }

    /** Sets (or, with a null rule, clears) a group's rule; false when there is no such live group. */
    boolean saveRule(UUID spotId, UUID groupId, JsonNode rule, Rule parsed) {
        return jdbc.sql("update member_group set kind = :kind, rule = cast(:rule as jsonb), rule_fields = :fields, "
                        + "rule_relative = :relative, rule_version = rule_version + 1, updated_at = now(), "
                        + "rule_evaluated_at = case when cast(:rule as jsonb) is null then null else rule_evaluated_at end "
                        + "where spot_id = :spot and id = :id and deleted_at is null")
                .param("kind", rule == null ? "static" : "smart").param("rule", rule == null ? null : rule.toString())
                .param("fields", parsed == null ? null : parsed.fields().toArray(String[]::new))
                .param("relative", parsed != null && parsed.relative())
                .param("spot", spotId).param("id", groupId).update() == 1;
    }

    void evaluated(UUID spotId, UUID groupId, Instant at) {
        jdbc.sql("update member_group set rule_evaluated_at = :at where spot_id = :spot and id = :id")
                .param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC)).param("spot", spotId)
                .param("id", groupId).update();
    }

    /** Locks the members' rows in id order, so that two changes of one member are evaluated one after the other. */
    void lockMembers(UUID spotId, Collection<UUID> memberIds) {
        jdbc.sql("select m.id from unnest(cast(:ids as uuid[])) as x(id) join member m on m.spot_id = :spot "
                        + "and m.id = x.id order by m.id for no key update of m")
                .param("spot", spotId).param("ids", memberIds.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /**
     * What the rules read of the given members, in one query driven by their ids (an index lookup each, whatever
     * the Spot's size). Tags and property values come as ids and are named from {@code context}; a tag or property
     * created since the context was read is named from a fresh one.
     */
    List<MemberFacts> facts(UUID spotId, Collection<UUID> memberIds, RuleContext context) {
        return facts(spotId, memberIds, context, true);
    }

    private List<MemberFacts> facts(UUID spotId, Collection<UUID> memberIds, RuleContext context, boolean retry) {
        List<RawFacts> raw = jdbc.sql("select m.id, m.role, m.custom_role_id, m.status, lower(m.email) as email, "
                        + RuleSql.SOURCE + " as source, m.registration_date, m.invitation_date, m.last_activity_at, "
                        + "array(select t.tag_id from member_tag t where t.spot_id = m.spot_id and t.member_id = m.id) "
                        + "  as tags, "
                        + "(select jsonb_object_agg(v.property_id, v.value) from member_property_value v "
                        + "  where v.spot_id = m.spot_id and v.member_id = m.id)::text as props "
                        + "from unnest(cast(:ids as uuid[])) as x(id) "
                        + "join member m on m.spot_id = :spot and m.id = x.id")
                .param("spot", spotId).param("ids", memberIds.toArray(UUID[]::new))
                .query(SmartGroupRepository::rawFacts).list();
        Map<UUID, RuleContext.Property> properties = new HashMap<>();
        Map<UUID, String> slugs = new HashMap<>();
        context.properties().forEach((slug, property) -> {
            properties.put(property.id(), property);
            slugs.put(property.id(), slug);
        });
        boolean unknown = raw.stream().anyMatch(f -> !context.tags().keySet().containsAll(f.tags)
                || !slugs.keySet().containsAll(f.properties.keySet()));
        if (unknown && retry) {
            return facts(spotId, memberIds, context(spotId), false);
        }
        List<MemberFacts> facts = new ArrayList<>(raw.size());
        for (RawFacts f : raw) {
            Map<UUID, String> tags = new HashMap<>();
            f.tags.forEach(id -> tags.put(id, context.tags().getOrDefault(id, "")));
            Map<String, MemberFacts.Value> values = new HashMap<>();
            f.properties.forEach((id, value) -> {
                if (slugs.containsKey(id)) {
                    values.put(slugs.get(id), new MemberFacts.Value(properties.get(id).type(), value));
                }
            });
            facts.add(new MemberFacts(f.id, f.role, f.customRoleId, f.status, f.email, f.source, f.registrationDate,
                    f.invitationDate, f.lastActivityAt, tags, values));
        }
        return facts;
    }

    /** A member's facts as read: tags and property values by id. */
    private record RawFacts(UUID id, String role, UUID customRoleId, String status, String email, String source,
                            Instant registrationDate, Instant invitationDate, Instant lastActivityAt, List<UUID> tags,
                            Map<UUID, JsonNode> properties) {
    }

    private static RawFacts rawFacts(ResultSet rs, int row) throws SQLException {
        List<UUID> tags = List.of((UUID[]) rs.getArray("tags").getArray());
        Map<UUID, JsonNode> properties = new HashMap<>();
        String propText = rs.getString("props");
        if (propText != null) {
            JSON.readTree(propText).properties().forEach(e -> properties.put(UUID.fromString(e.getKey()),
                    e.getValue()));
        }
        return new RawFacts(rs.getObject("id", UUID.class), rs.getString("role"),
                rs.getObject("custom_role_id", UUID.class), rs.getString("status"), rs.getString("email"),
                rs.getString("source"), instant(rs, "registration_date"), instant(rs, "invitation_date"),
                instant(rs, "last_activity_at"), tags, properties);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** (group, member) pairs among the given groups and members: stored memberships. */
    Map<UUID, Set<UUID>> memberships(UUID spotId, Collection<UUID> groupIds, Collection<UUID> memberIds) {
        Map<UUID, Set<UUID>> byGroup = new HashMap<>();
        // Looked up member by member (group_membership_member), whatever the statistics say: during an import they
        // lag far behind the table, and a plan reading every membership of the groups grew with each batch.
        // (offset 0 keeps the lateral subquery from being flattened into a join the planner may reorder.)
        jdbc.sql("select g.group_id, x.id from unnest(cast(:members as uuid[])) as x(id) cross join lateral "
                        + "(select gm.group_id from group_membership gm where gm.spot_id = :spot "
                        + "and gm.member_id = x.id offset 0) g where g.group_id = any(:groups)")
                .param("spot", spotId).param("members", memberIds.toArray(UUID[]::new))
                .param("groups", groupIds.toArray(UUID[]::new))
                .query(rs -> {
                    byGroup.computeIfAbsent(rs.getObject(1, UUID.class), g -> new HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                });
        return byGroup;
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

    /** Members entering and leaving a group in one evaluation. */
    record Diff(List<UUID> added, List<UUID> removed) {
    }

    /**
     * The members the rule wants in the group, exceptions applied: a query selecting {@code id}. Without
     * exceptions the rule's conditions stay at the top level, where PostgreSQL plans them as semi-joins.
     */
    private String wanted(RuleSql.Predicate predicate, UUID spotId, UUID groupId) {
        boolean exceptions = groupId != null && hasExceptions(spotId, groupId);
        if (predicate.driver() != null && !exceptions) {
            // Only the members holding the driver's tag or value are read, from its index: the evaluation costs what
            // the Spot's matching rows cost, whatever the size of the member table and of the other Spots.
            return "select m.id from (" + predicate.driver() + ") m where " + predicate.rest();
        }
        String members = "select m.id from member m where m.spot_id = :spot";
        if (!exceptions) {
            return members + " and " + predicate.sql();
        }
        return members + " and ((" + predicate.sql() + " and not m.id in (select x.member_id "
                + "from smart_group_exception x where x.spot_id = :spot and x.group_id = :group and x.type = 'exclude')) "
                + "or m.id in (select x.member_id from smart_group_exception x "
                + "where x.spot_id = :spot and x.group_id = :group and x.type = 'include'))";
    }

    private boolean hasExceptions(UUID spotId, UUID groupId) {
        return jdbc.sql("select exists (select 1 from smart_group_exception where spot_id = :spot and group_id = :group)")
                .param("spot", spotId).param("group", groupId).query(Boolean.class).single();
    }

    /**
     * Evaluates a rule over the whole Spot into the transaction's table {@code smart_wanted} (with the exceptions of
     * {@code groupId}, when given); returns how many members it holds. A statement that only reads may run in
     * parallel, one that also writes may not: the evaluation is kept apart from the writes that follow it.
     */
    long want(UUID spotId, UUID groupId, RuleSql.Predicate predicate) {
        jdbc.sql("drop table if exists smart_wanted").update();
        int wanted = jdbc.sql("create temporary table smart_wanted on commit drop as "
                        + wanted(predicate, spotId, groupId))
                .params(predicate.params()).param("spot", spotId).param("group", groupId).update();
        // Statistics, so that the statements comparing it with the stored membership hash it rather than scan it
        // once per member (autovacuum never analyzes temporary tables).
        jdbc.sql("analyze smart_wanted").update();
        return wanted;
    }

    /**
     * Brings the stored membership of a group in line with {@link #want}'s members, in one statement with the count
     * delta; returns who entered and who left. The group's row is locked exclusively, so nothing else adds to it.
     */
    Diff reconcile(UUID spotId, UUID groupId) {
        String sql = "with added as (insert into group_membership (spot_id, group_id, member_id) "
                + "  select :spot, :group, w.id from smart_wanted w "
                + "  where not exists (select 1 from group_membership gm "
                + "  where gm.spot_id = :spot and gm.group_id = :group and gm.member_id = w.id) "
                + "  order by w.id returning member_id), "
                + "removed as (delete from group_membership gm where gm.spot_id = :spot and gm.group_id = :group"
                + "  and not exists (select 1 from smart_wanted w where w.id = gm.member_id) returning gm.member_id), "
                + "counts as (select (select count(*) from added) - (select count(*) from removed) as delta), "
                + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                + "  select :spot, :group, delta from counts where delta <> 0) "
                + "select member_id, true as added from added union all select member_id, false from removed";
        List<UUID> added = new ArrayList<>();
        List<UUID> removed = new ArrayList<>();
        jdbc.sql(sql).param("spot", spotId).param("group", groupId)
                .query(rs -> {
                    (rs.getBoolean(2) ? added : removed).add(rs.getObject(1, UUID.class));
                });
        return new Diff(added, removed);
    }

    /** The first members of {@link #want}'s, alphabetically. */
    List<SpotMember> wantedPage(UUID spotId, int limit) {
        return jdbc.sql("select " + MemberRows.COLUMNS + " from member m where m.spot_id = :spot "
                        + "and m.id in (select id from smart_wanted) order by " + MemberRows.ALPHABETICAL
                        + " limit :limit")
                .param("spot", spotId).param("limit", limit).query(MemberRows.MAPPER).list();
    }

    /** A first page of members and how many there are in all. */
    record Page(long count, List<SpotMember> items) {
    }

    /** Members {@link #want}'s would bring into the group ({@code entering}) or take out of it. */
    Page change(UUID spotId, UUID groupId, boolean entering, int limit) {
        String members = entering
                ? "select w.id from smart_wanted w where not exists (select 1 from group_membership gm "
                        + "where gm.spot_id = :spot and gm.group_id = :group and gm.member_id = w.id)"
                : "select gm.member_id from group_membership gm where gm.spot_id = :spot and gm.group_id = :group "
                        + "and not exists (select 1 from smart_wanted w where w.id = gm.member_id)";
        long count = jdbc.sql("select count(*) from (" + members + ") c")
                .param("spot", spotId).param("group", groupId).query(Long.class).single();
        // The changed members first, then their rows: a plan walking the members alphabetically and looking for
        // each one in the change would compare the whole membership with the evaluation per member.
        List<SpotMember> items = count == 0 ? List.of() : jdbc.sql("with changed as materialized (" + members
                        + ") select " + MemberRows.COLUMNS + " from member m where m.spot_id = :spot "
                        + "and m.id in (select * from changed) order by " + MemberRows.ALPHABETICAL + " limit :limit")
                .param("spot", spotId).param("group", groupId).param("limit", limit)
                .query(MemberRows.MAPPER).list();
        return new Page(count, items);
    }

    // Exceptions

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
