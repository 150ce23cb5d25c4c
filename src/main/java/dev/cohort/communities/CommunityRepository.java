package dev.cohort.communities;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The SQL of community groups ({@code community_group}) and of a caller's standing in one. */
@Repository
class CommunityRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcClient jdbc;

    CommunityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The live (not deleted) community group {@code groupId} of the Spot. */
    Optional<Community> find(UUID spotId, UUID groupId) {
        return jdbc.sql("select c.owner_member_id, c.slug, c.join_policy, c.membership_questions, c.access, "
                        + "c.reports_enabled from community_group c join member_group g on g.spot_id = c.spot_id "
                        + "and g.id = c.group_id where c.spot_id = :spot and c.group_id = :group "
                        + "and g.deleted_at is null")
                .param("spot", spotId).param("group", groupId)
                .query((rs, n) -> new Community(spotId, groupId, rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), questions(rs.getString(4)), rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    private static List<Community.Question> questions(String json) {
        JsonNode node = JSON.readTree(json);
        return node.valueStream().map(q -> new Community.Question(q.path("id").asString(),
                q.path("question").asString(), q.path("required").asBoolean())).toList();
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
