package dev.cohort.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows the access module will write (resources, notifications, outbox emails), inserted directly for the tests. */
final class Fixtures {
    private final JdbcClient jdbc;

    Fixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID resource(String spotId, String type, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into resource (spot_id, id, type, name, restricted, settings) "
                        + "values (:spot, :id, :type, :name, true, '{}'::jsonb)")
                .param("spot", UUID.fromString(spotId)).param("id", id).param("type", type).param("name", name)
                .update();
        return id;
    }

    UUID notification(String spotId, String memberId, String type) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into notification (spot_id, id, member_id, type, body) "
                        + "values (:spot, :id, :member, :type, cast(:body as jsonb))")
                .param("spot", UUID.fromString(spotId)).param("id", id).param("member", UUID.fromString(memberId))
                .param("type", type).param("body", "{\"resourceName\": \"Kick-off\"}").update();
        return id;
    }

    /** {@code count} pending invitation emails for the member and resource; returns their message ids. */
    List<UUID> emails(String spotId, String memberId, UUID resourceId, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        jdbc.sql("insert into outbox (spot_id, message_id, template, member_id, resource_id) "
                        + "select :spot, m, 'invitation', :member, :resource from unnest(:ids) m")
                .param("spot", UUID.fromString(spotId)).param("member", UUID.fromString(memberId))
                .param("resource", resourceId).param("ids", ids.toArray(UUID[]::new)).update();
        return ids;
    }

    UUID email(String spotId, String memberId, UUID resourceId) {
        return emails(spotId, memberId, resourceId, 1).get(0);
    }

    record OutboxState(String status, int attempts, String lastError, boolean dueWithinAMinute, long delaySeconds) {
    }

    OutboxState state(UUID messageId) {
        return jdbc.sql("select status, attempts, last_error, next_attempt_at <= now() + interval '1 minute', "
                        + "extract(epoch from next_attempt_at - now())::bigint from outbox where message_id = :id")
                .param("id", messageId)
                .query((rs, n) -> new OutboxState(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4),
                        rs.getLong(5)))
                .single();
    }

    /** Makes the row due now, as if its back-off had passed. */
    void makeDue(UUID messageId) {
        jdbc.sql("update outbox set next_attempt_at = now() where message_id = :id").param("id", messageId).update();
    }
}
