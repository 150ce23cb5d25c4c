package dev.cohort.smartgroups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What rules read, from the members module's tables: the Spot's vocabulary ({@link RuleContext}), and the facts,
 * row locks and memberships of the members one change touches.
 */
@Repository
class FactRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    FactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                        + RuleVocabulary.SOURCE + " as source, m.registration_date, m.invitation_date, m.last_activity_at, "
                        + "array(select t.tag_id from member_tag t where t.spot_id = m.spot_id and t.member_id = m.id) "
                        + "  as tags, "
                        + "(select jsonb_object_agg(v.property_id, v.value) from member_property_value v "
                        + "  where v.spot_id = m.spot_id and v.member_id = m.id)::text as props "
                        + "from unnest(cast(:ids as uuid[])) as x(id) "
                        + "join member m on m.spot_id = :spot and m.id = x.id")
                .param("spot", spotId).param("ids", memberIds.toArray(UUID[]::new))
                .query(FactRepository::rawFacts).list();
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
}
