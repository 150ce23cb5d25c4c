package dev.cohort.communities;

import dev.cohort.groups.CommunityFields;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of community groups ({@code community_group}) and of a caller's standing in one. */
@Repository
class CommunityRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COMMUNITY = "select c.owner_member_id, c.slug, c.join_policy, "
            + "c.membership_questions, c.access, c.reports_enabled from community_group c join member_group g "
            + "on g.spot_id = c.spot_id and g.id = c.group_id where c.spot_id = :spot and c.group_id = :group";
    /** The SQL type of each column a settings update may set. */
    private static final Map<String, String> TYPES = Map.of("join_policy", "text", "membership_questions", "jsonb",
            "branding", "jsonb", "theme", "jsonb", "access", "text", "promo_links", "jsonb",
            "reports_enabled", "boolean");

    private final JdbcClient jdbc;

    CommunityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The live (not deleted) community group {@code groupId} of the Spot. */
    Optional<Community> find(UUID spotId, UUID groupId) {
        return jdbc.sql(COMMUNITY + " and g.deleted_at is null")
                .param("spot", spotId).param("group", groupId)
                .query((rs, n) -> community(spotId, groupId, rs)).optional();
    }

    /** The community group {@code groupId}, live or deleted (and not purged yet). */
    Optional<Community> findAny(UUID spotId, UUID groupId) {
        return jdbc.sql(COMMUNITY).param("spot", spotId).param("group", groupId)
                .query((rs, n) -> community(spotId, groupId, rs)).optional();
    }

    private static Community community(UUID spotId, UUID groupId, ResultSet rs) throws SQLException {
        return new Community(spotId, groupId, rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                questions(rs.getString(4)), rs.getString(5), rs.getBoolean(6));
    }

    private static List<Community.Question> questions(String json) {
        JsonNode node = JSON.readTree(json);
        return node.valueStream().map(q -> new Community.Question(q.path("id").asString(),
                q.path("question").asString(), q.path("required").asBoolean())).toList();
    }

    /** Makes a new group a community group, with its first slug (claimed separately) and its settings. */
    void insert(UUID spotId, UUID groupId, UUID ownerId, String slug, Map<String, Object> settings) {
        jdbc.sql("insert into community_group (spot_id, group_id, owner_member_id, slug) "
                        + "values (:spot, :group, :owner, :slug)")
                .param("spot", spotId).param("group", groupId).param("owner", ownerId).param("slug", slug).update();
        update(spotId, groupId, settings);
    }

    /** Sets the given settings columns (of {@link #TYPES}); true when one of them changed. */
    boolean update(UUID spotId, UUID groupId, Map<String, Object> columns) {
        if (columns.isEmpty()) {
            return false;
        }
        List<String> names = List.copyOf(columns.keySet());
        List<String> values = names.stream().map(c -> "cast(:" + c + " as " + TYPES.get(c) + ")").toList();
        StringBuilder sets = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            sets.append(i == 0 ? "" : ", ").append(names.get(i)).append(" = ").append(values.get(i));
        }
        return jdbc.sql("update community_group set " + sets + " where spot_id = :spot and group_id = :group "
                        + "and (" + String.join(", ", names) + ") is distinct from (" + String.join(", ", values)
                        + ")")
                .params(columns).param("spot", spotId).param("group", groupId).update() == 1;
    }

    /** A community group's slug and how many changes it has left, its row locked until the transaction ends. */
    record SlugState(String slug, int changesLeft) {
    }

    Optional<SlugState> lockSlug(UUID spotId, UUID groupId) {
        return jdbc.sql("select slug, slug_changes_left from community_group where spot_id = :spot "
                        + "and group_id = :group for update")
                .param("spot", spotId).param("group", groupId)
                .query((rs, n) -> new SlugState(rs.getString(1), rs.getInt(2))).optional();
    }

    /** Gives the group its new slug, counting the change (creation's retries do not count). */
    void setSlug(UUID spotId, UUID groupId, String slug, boolean counted) {
        jdbc.sql("update community_group set slug = :slug"
                        + (counted ? ", slug_changes_left = slug_changes_left - 1" : "")
                        + " where spot_id = :spot and group_id = :group")
                .param("spot", spotId).param("group", groupId).param("slug", slug).update();
    }

    /** A live community group as a member's deletion names it. */
    record Owned(UUID groupId, String name) {
    }

    /** The live community groups of the Spot that {@code memberIds} own, by name. */
    List<Owned> ownedBy(UUID spotId, Collection<UUID> memberIds) {
        return jdbc.sql("select g.id, g.name from community_group c "
                        + "join member_group g on g.spot_id = c.spot_id and g.id = c.group_id "
                        + "where c.spot_id = :spot and c.owner_member_id = any(:members) and g.deleted_at is null "
                        + "order by g.name, g.id")
                .param("spot", spotId).param("members", memberIds.toArray(UUID[]::new))
                .query((rs, n) -> new Owned(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    /** The owner of the community group {@code groupId} (live or deleted); empty for another kind. */
    Optional<UUID> owner(UUID spotId, UUID groupId) {
        return jdbc.sql("select owner_member_id from community_group where spot_id = :spot and group_id = :group")
                .param("spot", spotId).param("group", groupId).query(UUID.class).optional();
    }

    /** Sets a member's group role (null: a plain member); false when they are not in the group. */
    boolean setRole(UUID spotId, UUID groupId, UUID memberId, String role) {
        return jdbc.sql("update group_membership set group_role = :role where spot_id = :spot and group_id = :group "
                        + "and member_id = :member")
                .param("spot", spotId).param("group", groupId).param("member", memberId).param("role", role)
                .update() == 1;
    }

    /** A member's own group role, their membership row locked; empty when they are not in the group. */
    Optional<GroupRole> lockRole(UUID spotId, UUID groupId, UUID memberId) {
        return role(spotId, groupId, memberId, " for update");
    }

    /** A member's own group role (not locked: a removal locks the group first); empty when not in the group. */
    Optional<GroupRole> role(UUID spotId, UUID groupId, UUID memberId) {
        return role(spotId, groupId, memberId, "");
    }

    /** The own group roles of those of {@code memberIds} who are in the group. */
    Map<UUID, GroupRole> roles(UUID spotId, UUID groupId, Collection<UUID> memberIds) {
        Map<UUID, GroupRole> roles = new HashMap<>();
        jdbc.sql("select member_id, group_role from group_membership where spot_id = :spot and group_id = :group "
                        + "and member_id = any(:members)")
                .param("spot", spotId).param("group", groupId).param("members", memberIds.toArray(UUID[]::new))
                .query(rs -> {
                    roles.put(rs.getObject(1, UUID.class), GroupRole.of(rs.getString(2)));
                });
        return roles;
    }

    private Optional<GroupRole> role(UUID spotId, UUID groupId, UUID memberId, String lock) {
        return jdbc.sql("select group_role from group_membership where spot_id = :spot and group_id = :group "
                        + "and member_id = :member" + lock)
                .param("spot", spotId).param("group", groupId).param("member", memberId)
                .query((rs, n) -> GroupRole.of(rs.getString(1))).optional();
    }

    /** The community fields of those of {@code groupIds} that are community groups; {@code joinUrl} builds a URL. */
    Map<UUID, CommunityFields> fields(UUID spotId, Collection<UUID> groupIds,
                                      BiFunction<UUID, String, String> joinUrl) {
        Map<UUID, CommunityFields> fields = new HashMap<>();
        jdbc.sql("select group_id, owner_member_id, slug, slug_changes_left, join_policy, membership_questions, "
                        + "branding, theme, access, promo_links, reports_enabled from community_group "
                        + "where spot_id = :spot and group_id = any(:groups)")
                .param("spot", spotId).param("groups", groupIds.toArray(UUID[]::new))
                .query(rs -> {
                    String slug = rs.getString("slug");
                    fields.put(rs.getObject("group_id", UUID.class), new CommunityFields(
                            rs.getObject("owner_member_id", UUID.class), slug, joinUrl.apply(spotId, slug),
                            rs.getInt("slug_changes_left"), rs.getString("join_policy"),
                            CommunityJson.questions(rs.getString("membership_questions")),
                            CommunityJson.branding(rs.getString("branding")),
                            CommunityJson.theme(rs.getString("theme")), rs.getString("access"),
                            CommunityJson.links(rs.getString("promo_links")), rs.getBoolean("reports_enabled")));
                });
        return fields;
    }

    /** What gives a member rights in a group: their group role (null: not a member), Spot role, moderation. */
    record Standing(String groupRole, boolean member, boolean spotAdmin, boolean spotModerator) {
    }

    Standing standing(UUID spotId, UUID groupId, UUID memberId) {
        return jdbc.sql("select gm.group_role, gm.member_id is not null as member, m.role = 'Admin' as admin, "
                        + "coalesce('groups.moderate' = any(r.permissions), false) as moderator "
                        + "from member m left join custom_role r on r.spot_id = m.spot_id and r.id = m.custom_role_id "
                        + "left join group_membership gm on gm.spot_id = m.spot_id and gm.group_id = :group "
                        + "and gm.member_id = m.id where m.spot_id = :spot and m.id = :member")
                .param("spot", spotId).param("group", groupId).param("member", memberId)
                .query((rs, n) -> new Standing(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4)))
                .optional().orElse(new Standing(null, false, false, false));
    }
}
