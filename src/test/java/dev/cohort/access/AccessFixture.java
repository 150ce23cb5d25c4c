package dev.cohort.access;

import dev.cohort.resources.ResourceType;
import dev.cohort.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data for the access rules: resources written straight into the table, and counts read from it. */
final class AccessFixture {
    final Api.SpotClient spot;
    final JdbcClient jdbc;

    AccessFixture(Api.SpotClient spot, JdbcClient jdbc) {
        this.spot = spot;
        this.jdbc = jdbc;
    }

    String resource(ResourceType type, String name, boolean restricted) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into resource (spot_id, id, type, name, restricted) values (:spot, :id, :type, :name, :r)")
                .param("spot", UUID.fromString(spot.spotId)).param("id", id).param("type", type.code())
                .param("name", name).param("r", restricted).update();
        return id.toString();
    }

    void link(ResourceType type, String resource, String group, boolean withEmail) {
        spot.post("/v1/" + type.path() + "/" + resource + "/groups~bulkAdd",
                Map.of("groupIds", List.of(group), "withEmailNotification", withEmail)).expect(204);
    }

    void unlink(ResourceType type, String resource, String group) {
        spot.post("/v1/" + type.path() + "/" + resource + "/groups~bulkRemove", Map.of("groupIds", List.of(group)))
                .expect(204);
    }

    void addToGroup(String group, String... members) {
        spot.post("/v1/groups/" + group + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(members)))
                .expect(200);
    }

    void removeFromGroup(String group, String... members) {
        spot.post("/v1/groups/" + group + "/spotMembers~bulkRemove", Map.of("spotMemberIds", List.of(members)))
                .expect(200);
    }

    boolean participates(String resource, String member) {
        return count("select count(*) from participant where resource_id = :r and member_id = :m", resource, member) == 1;
    }

    long emails(String resource, String member) {
        return count("select count(*) from outbox where resource_id = :r and member_id = :m", resource, member);
    }

    long notifications(String member) {
        return jdbc.sql("select count(*) from notification where member_id = :m").param("m", UUID.fromString(member))
                .query(Long.class).single();
    }

    long count(String sql, String resource, String member) {
        return jdbc.sql(sql).param("r", UUID.fromString(resource)).param("m", UUID.fromString(member))
                .query(Long.class).single();
    }

    List<String> members(int n, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(spot.member(prefix + i + "@example.com", "First" + i, prefix + i));
        }
        return ids;
    }
}
