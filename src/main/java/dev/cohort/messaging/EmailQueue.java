package dev.cohort.messaging;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The emails other modules ask for, one statement each, queued in the outbox that the worker delivers. */
@Service
public class EmailQueue {
    private final JdbcClient jdbc;

    EmailQueue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Emails the course's admins — the Spot's Accepted members with role Admin — that {@code memberId} completed
     * it (template {@code courseCompleted}). Returns the number of emails queued.
     */
    public int courseCompleted(UUID spotId, UUID courseId, UUID memberId) {
        return jdbc.sql("insert into outbox (spot_id, message_id, template, member_id, resource_id, "
                        + "subject_member_id) select :spot, uuid_v7(), 'courseCompleted', m.id, :course, :member "
                        + "from member m where m.spot_id = :spot and m.role = 'Admin' and m.status = 'Accepted'")
                .param("spot", spotId).param("course", courseId).param("member", memberId).update();
    }
}
