package dev.cohort.messaging;

/**
 * The {@code notification} writes other modules embed in their own set-based statements: messaging owns the table,
 * so its columns and its notification types are written here only. The fragments bind {@code :spot}.
 */
public final class NotificationRows {
    /** Cohort's notification of content reported in a community group, sent to its moderators and above. */
    public static final String GROUP_CONTENT_REPORTED = "GroupContentReported";

    /** The notification type that tells a member they were made a participant of a resource, by resource type. */
    private static final String INVITATION_TYPE = "case f.type when 'live' then 'LiveParticipantInvited' "
            + "when 'course' then 'CourseParticipantInvited' when 'channel' then 'MemberAddedOnChannel' "
            + "when 'forum' then 'MemberAddedToForum' else 'MemberAddedToCollection' end";

    private NotificationRows() {
    }

    /**
     * {@code insert into notification ... select}: one in-app invitation per row of {@code rows}, a relation (a CTE
     * name or a parenthesised select) with the columns {@code member_id}, {@code resource_id}, {@code type} (the
     * resource type) and {@code name} (the resource's name). Meant for a data-modifying CTE: {@code notified as (...)}.
     */
    public static String invitations(String rows) {
        return "insert into notification (spot_id, id, member_id, type, body) "
                + "select :spot, uuid_v7(), f.member_id, " + INVITATION_TYPE + ", "
                + "jsonb_build_object('resourceId', f.resource_id, 'resourceType', f.type, 'resourceName', f.name) "
                + "from " + rows + " f";
    }

    /** The in-app notice that a member's join request was approved (issue 16). */
    public static final String JOIN_REQUEST_APPROVED = "GroupJoinRequestApproved";
    /** The in-app notice that a member's join request was rejected (issue 16). */
    public static final String JOIN_REQUEST_REJECTED = "GroupJoinRequestRejected";

    /**
     * {@code insert into notification ... select}: one in-app group notice per row of {@code rows}, a relation with
     * the columns {@code member_id}, {@code type} (one of this class's group notice types), {@code group_id},
     * {@code name} (the group's), {@code request_id} (the join request, or null) and {@code reason} (or null).
     */
    public static String groupNotices(String rows) {
        return "insert into notification (spot_id, id, member_id, type, body) "
                + "select :spot, uuid_v7(), f.member_id, f.type, jsonb_strip_nulls(jsonb_build_object("
                + "'groupId', f.group_id, 'groupName', f.name, 'joinRequestId', f.request_id, 'reason', f.reason)) "
                + "from " + rows + " f";
    }

    /**
     * {@code insert into notification ... select}: one in-app notification of content reported in a community group
     * per row of {@code rows}, a relation with the columns {@code member_id} (who is told) and {@code body} (a jsonb
     * object: the report). Meant for a data-modifying CTE.
     */
    public static String groupReports(String rows) {
        return "insert into notification (spot_id, id, member_id, type, body) select :spot, uuid_v7(), f.member_id, '"
                + GROUP_CONTENT_REPORTED + "', f.body from " + rows + " f";
    }
}
