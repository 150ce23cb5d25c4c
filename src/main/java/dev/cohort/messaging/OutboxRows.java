package dev.cohort.messaging;

/**
 * The {@code outbox} writes other modules embed in their own set-based statements: messaging owns the table and
 * its worker delivers what is queued here. The fragments bind {@code :spot}.
 */
public final class OutboxRows {
    private OutboxRows() {
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
