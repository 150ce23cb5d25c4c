package dev.cohort.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LinkRepository {
    private final JdbcClient jdbc;

    LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A group linked to a resource, with the invitation-email switch that applies to its future members too. */
    record Link(UUID groupId, String groupName, boolean withEmailNotification,
                @Schema(description = "Unix milliseconds") long linkedAt,
                @Schema(description = "Unix milliseconds") long updatedAt) {
    }

    /** Links the group; false when it was linked already. */
    boolean insert(UUID spotId, UUID resourceId, UUID groupId, boolean withEmail) {
        return jdbc.sql("insert into resource_group_link (spot_id, resource_id, group_id, with_email) "
                        + "values (:spot, :resource, :group, :email) on conflict do nothing")
                .param("spot", spotId).param("resource", resourceId).param("group", groupId).param("email", withEmail)
                .update() == 1;
    }

    boolean setSwitch(UUID spotId, UUID resourceId, UUID groupId, boolean withEmail) {
        // updated_at moves only when the switch does: setting it as it is changes nothing.
        return jdbc.sql("update resource_group_link set with_email = :email, updated_at = case when with_email "
                        + "is distinct from :email then now() else updated_at end "
                        + "where spot_id = :spot and resource_id = :resource and group_id = :group")
                .param("spot", spotId).param("resource", resourceId).param("group", groupId).param("email", withEmail)
                .update() == 1;
    }

    boolean delete(UUID spotId, UUID resourceId, UUID groupId) {
        return jdbc.sql("delete from resource_group_link where spot_id = :spot and resource_id = :resource "
                        + "and group_id = :group")
                .param("spot", spotId).param("resource", resourceId).param("group", groupId).update() == 1;
    }

    /** The links of a resource to live groups, by group name. */
    List<Link> links(UUID spotId, UUID resourceId) {
        return jdbc.sql("select g.id, g.name, l.with_email, l.created_at, l.updated_at from resource_group_link l "
                        + "join member_group g on g.spot_id = l.spot_id and g.id = l.group_id and g.deleted_at is null "
                        + "where l.spot_id = :spot and l.resource_id = :resource order by g.name, g.id")
                .param("spot", spotId).param("resource", resourceId)
                .query((rs, n) -> new Link(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        millis(rs.getObject(4, OffsetDateTime.class)), millis(rs.getObject(5, OffsetDateTime.class))))
                .list();
    }

    Optional<Link> link(UUID spotId, UUID resourceId, UUID groupId) {
        return links(spotId, resourceId).stream().filter(l -> l.groupId().equals(groupId)).findFirst();
    }

    private static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }
}
