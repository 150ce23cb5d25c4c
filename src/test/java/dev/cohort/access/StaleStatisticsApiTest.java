package dev.cohort.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.resources.ResourceType;
import dev.cohort.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Revocation after a fan-out that statistics have not seen: the plan must not be a nested loop that scans the
 * participant table once per member (seen taking minutes elsewhere), whatever the statistics say.
 */
class StaleStatisticsApiTest extends ApiTest {
    private static final int MEMBERS = 5_000;

    @Test
    void revoking_a_fan_out_made_after_analyze_on_empty_tables_keeps_an_indexed_plan() {
        AccessFixture f = new AccessFixture(newSpot(), jdbc);
        UUID spot = UUID.fromString(f.spot.spotId);
        String group = f.spot.group("Large");
        String course = f.resource(ResourceType.COURSE, "Secret course", true);
        // Statistics are taken while this Spot has no participants and no memberships.
        jdbc.sql("analyze participant, group_membership, resource_group_link").update();
        jdbc.sql("insert into member (spot_id, id, email, status) select :spot, gen_random_uuid(), "
                        + "'m' || i || '@example.com', 'Accepted' from generate_series(1, :n) i")
                .param("spot", spot).param("n", MEMBERS).update();
        jdbc.sql("insert into group_membership (spot_id, group_id, member_id) select :spot, :group, id from member "
                        + "where spot_id = :spot").param("spot", spot).param("group", UUID.fromString(group)).update();
        f.link(ResourceType.COURSE, course, group, false);
        assertThat(participants(course)).isEqualTo(MEMBERS);

        Pairs pairs = Pairs.linkMembers(UUID.fromString(group), UUID.fromString(course));
        String plan = jdbc.sql("explain (format json) " + GrantRepository.revokeSql(pairs, Source.GROUP))
                .params(pairs.params()).param("spot", spot).query(String.class).single();
        List<String> problems = new ArrayList<>();
        scan(JsonMapper.builder().build().readTree(plan).get(0).path("Plan"), problems);
        assertThat(problems).as(plan).isEmpty();

        f.unlink(ResourceType.COURSE, course, group);
        assertThat(participants(course)).isZero();
    }

    private long participants(String course) {
        return jdbc.sql("select count(*) from participant where resource_id = :r").param("r", UUID.fromString(course))
                .query(Long.class).single();
    }

    /** Collects nested loops whose inner side scans the participant table without an index. */
    private static void scan(JsonNode node, List<String> problems) {
        JsonNode children = node.path("Plans");
        if ("Nested Loop".equals(node.path("Node Type").asString()) && children.size() == 2
                && scansParticipantSequentially(children.get(1))) {
            problems.add("nested loop over a sequential scan of participant");
        }
        children.forEach(child -> scan(child, problems));
    }

    private static boolean scansParticipantSequentially(JsonNode node) {
        if ("Seq Scan".equals(node.path("Node Type").asString())
                && "participant".equals(node.path("Relation Name").asString())) {
            return true;
        }
        for (JsonNode child : node.path("Plans")) {
            if (scansParticipantSequentially(child)) {
                return true;
            }
        }
        return false;
    }
}
