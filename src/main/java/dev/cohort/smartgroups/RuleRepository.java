package dev.cohort.smartgroups;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rules as stored on their groups' rows (the rule, the fields it reads, whether it is relative, its version and
 * last evaluation), and the Spot lock that orders rule evaluations and member changes.
 */
@Repository
class RuleRepository {
    /** First key of the advisory lock that orders rule evaluations (exclusive) and member changes (shared) per Spot. */
    private static final int SMART_LOCK = 0x5a3a27;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    RuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** A smart group of a Spot. */
    record SmartGroupRef(UUID spotId, UUID groupId) {
    }

    /** Live smart groups whose rules compare dates with "now", the longest unevaluated first. */
    List<SmartGroupRef> relativeGroups() {
        return jdbc.sql("select spot_id, id from member_group where kind = 'smart' and rule_relative "
                        + "and deleted_at is null order by rule_evaluated_at nulls first")
                .query((rs, n) -> new SmartGroupRef(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
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
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).param("spot", spotId)
                .param("id", groupId).update();
    }
}
