package dev.cohort.access;

import java.util.Map;
import java.util.UUID;

/**
 * The (resource, member) pairs one change concerns, with the email switch that applies to each, as a SQL query
 * selecting {@code resource_id, member_id, with_email}. Every query binds {@code :spot}; the rest are in params.
 */
record Pairs(String sql, Map<String, Object> params) {

    /** Members who just entered a group, times every resource the group is linked to. */
    static Pairs newGroupMembers(UUID groupId, UUID[] memberIds) {
        return new Pairs("select l.resource_id, m.id as member_id, l.with_email from resource_group_link l "
                + "cross join unnest(cast(:members as uuid[])) as m(id) "
                + "where l.spot_id = :spot and l.group_id = :group",
                Map.of("group", groupId, "members", memberIds));
    }

    /** Every member of a group, for one link of it (linking, unlinking). */
    static Pairs linkMembers(UUID groupId, UUID resourceId) {
        return new Pairs("select l.resource_id, gm.member_id, l.with_email from resource_group_link l "
                + "join group_membership gm on gm.spot_id = l.spot_id and gm.group_id = l.group_id "
                + "where l.spot_id = :spot and l.group_id = :group and l.resource_id = :resource",
                Map.of("group", groupId, "resource", resourceId));
    }

    /** Every member of a group, times every resource it is linked to (deleting, restoring the group). */
    static Pairs allGroupLinks(UUID groupId) {
        return new Pairs("select l.resource_id, gm.member_id, l.with_email from resource_group_link l "
                + "join group_membership gm on gm.spot_id = l.spot_id and gm.group_id = l.group_id "
                + "where l.spot_id = :spot and l.group_id = :group",
                Map.of("group", groupId));
    }

    /** Members invited to one resource directly. */
    static Pairs direct(UUID resourceId, UUID[] memberIds, boolean withEmail) {
        return new Pairs("select cast(:resource as uuid) as resource_id, m.id as member_id, "
                + "cast(:withEmail as boolean) as with_email from unnest(cast(:members as uuid[])) as m(id)",
                Map.of("resource", resourceId, "members", memberIds, "withEmail", withEmail));
    }
}
