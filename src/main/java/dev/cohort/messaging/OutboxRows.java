package dev.cohort.messaging;

/**
 * The {@code outbox} writes other modules embed in their own set-based statements: messaging owns the table and
 * its worker delivers what is queued here. The fragments bind {@code :spot}.
 */
public final class OutboxRows {
    /** A group email's template: the member's join request was approved (issue 16). */
    public static final String JOIN_REQUEST_APPROVED = "joinRequestApproved";
    /** A group email's template: the member's join request was rejected, with the reason given ({@code note}). */
    public static final String JOIN_REQUEST_REJECTED = "joinRequestRejected";
    /** A group email's template: an invitation to join a group, whose link carries a single-use token. */
    public static final String GROUP_INVITATION = "groupInvitation";

    private OutboxRows() {
    }

    /**
     * {@code insert into outbox ... select ... returning 1}: one group email per row of {@code rows}, a relation with
     * the columns {@code template} (one of this class's group templates), {@code member_id} (null for an address
     * that is no member's), {@code to_email} (the address when it is not the member's own, else null),
     * {@code group_id}, {@code link} (the email's link, null for none: kept only until the email is sent) and
     * {@code note} (text the email quotes, or null).
     */
    public static String groupEmails(String rows) {
        return "insert into outbox (spot_id, message_id, template, member_id, to_email, group_id, link, note) "
                + "select :spot, uuid_v7(), f.template, f.member_id, f.to_email, f.group_id, f.link, f.note from "
                + rows + " f returning 1";
    }

    /**
     * {@code insert into outbox ... select ... returning 1}: one invitation email per row of {@code rows}, a relation
     * (a CTE name or a parenthesised select) with the columns {@code member_id}, {@code resource_id} and {@code type}
     * (the resource type, which is the email's template). Meant for a data-modifying CTE: {@code mailed as (...)},
     * counted with {@code select count(*) from mailed}.
     */
    public static String invitations(String rows) {
        return "insert into outbox (spot_id, message_id, template, member_id, resource_id) "
                + "select :spot, uuid_v7(), f.type, f.member_id, f.resource_id from " + rows + " f returning 1";
    }
}
