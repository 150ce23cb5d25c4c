package dev.cohort.courses;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Course progress ({@code course_progress}) and the course statuses it drives on the participant row: Started after
 * the first completed step, Completed with the conclusion (never back), Unenrolled on demand.
 */
@Repository
class ProgressRepository {
    private final JdbcClient jdbc;

    ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One completed step of a member: when, and for a quiz the score, pass/fail and submission time. */
    record Completion(UUID memberId, UUID stepId, OffsetDateTime completedAt, Integer score, Boolean passed,
                      OffsetDateTime submittedAt) {
    }

    /** The member's course status, their participant row locked until the end of the transaction. */
    Optional<String> lockStatus(UUID spotId, UUID courseId, UUID memberId) {
        return jdbc.sql("select status from participant where spot_id = :spot and resource_id = :course "
                        + "and member_id = :member for update")
                .param("spot", spotId).param("course", courseId).param("member", memberId).query(String.class)
                .optional();
    }

    Optional<String> status(UUID spotId, UUID courseId, UUID memberId) {
        return jdbc.sql("select status from participant where spot_id = :spot and resource_id = :course "
                        + "and member_id = :member")
                .param("spot", spotId).param("course", courseId).param("member", memberId).query(String.class)
                .optional();
    }

    /**
     * Records a completed step (a quiz keeps its latest submission; the first completion time stays) and moves the
     * participant's status: Started from Invited, Completed when {@code conclusion}; activity now.
     */
    void complete(UUID spotId, UUID courseId, UUID memberId, UUID stepId, boolean conclusion, Quiz.Result quiz) {
        jdbc.sql("with done as (insert into course_progress as c (spot_id, course_id, member_id, step_id, "
                        + "completed_at, score, passed, submitted_at) values (:spot, :course, :member, :step, now(), "
                        + ":score, :passed, case when :quiz then now() end) "
                        + "on conflict (spot_id, course_id, member_id, step_id) do update set score = excluded.score, "
                        + "passed = excluded.passed, submitted_at = excluded.submitted_at where :quiz "
                        + "returning (xmax = 0) as created) "
                        + "update participant p set status = case when :conclusion then 'Completed' "
                        + "when p.status = 'Invited' then 'Started' else p.status end, "
                        + "started_at = coalesce(p.started_at, now()), "
                        + "completed_at = case when :conclusion then coalesce(p.completed_at, now()) "
                        + "else p.completed_at end, last_activity_at = now(), "
                        + "completed_steps = p.completed_steps + (select count(*) from done where created) "
                        + "where p.spot_id = :spot and p.resource_id = :course and p.member_id = :member")
                .param("spot", spotId).param("course", courseId).param("member", memberId).param("step", stepId)
                .param("score", quiz == null ? null : quiz.score())
                .param("passed", quiz == null ? null : quiz.passed()).param("quiz", quiz != null)
                .param("conclusion", conclusion).update();
    }

    /** The completed steps of these members on the course (current steps only: deleted steps took theirs). */
    Map<UUID, Map<UUID, Completion>> completions(UUID spotId, UUID courseId, UUID[] memberIds) {
        Map<UUID, Map<UUID, Completion>> byMember = new HashMap<>();
        jdbc.sql("select member_id, step_id, completed_at, score, passed, submitted_at from course_progress "
                        + "where spot_id = :spot and course_id = :course and member_id = any(:members)")
                .param("spot", spotId).param("course", courseId).param("members", memberIds)
                .query((rs, n) -> new Completion(rs.getObject("member_id", UUID.class),
                        rs.getObject("step_id", UUID.class), rs.getObject("completed_at", OffsetDateTime.class),
                        (Integer) rs.getObject("score"), (Boolean) rs.getObject("passed"),
                        rs.getObject("submitted_at", OffsetDateTime.class)))
                .list()
                .forEach(c -> byMember.computeIfAbsent(c.memberId(), k -> new HashMap<>()).put(c.stepId(), c));
        return byMember;
    }

    /** How many current steps each of these members completed (members with none are absent). */
    Map<UUID, Integer> completedCounts(UUID spotId, UUID courseId, UUID[] memberIds) {
        Map<UUID, Integer> counts = new HashMap<>();
        jdbc.sql("select member_id, count(*) as n from course_progress where spot_id = :spot and course_id = :course "
                        + "and member_id = any(:members) group by member_id")
                .param("spot", spotId).param("course", courseId).param("members", memberIds)
                .query((rs, n) -> Map.entry(rs.getObject("member_id", UUID.class), rs.getInt("n"))).list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    int stepCount(UUID spotId, UUID courseId) {
        return jdbc.sql("select count(*) from course_step where spot_id = :spot and course_id = :course")
                .param("spot", spotId).param("course", courseId).query(Integer.class).single();
    }

    /** Unenrols these members from any status; their progress and dates stay. Returns who changed. */
    List<UUID> unenrol(UUID spotId, UUID courseId, UUID[] memberIds) {
        return jdbc.sql("update participant set status = 'Unenrolled', unenrolled_at = now(), "
                        + "invite_pending = false, invite_email = false "
                        + "where spot_id = :spot and resource_id = :course and member_id = any(:members) "
                        + "and status <> 'Unenrolled' returning member_id")
                .param("spot", spotId).param("course", courseId).param("members", memberIds)
                .query(UUID.class).list();
    }

    /** Forgets the earlier progress of re-enrolled members: they start the course afresh. */
    void reset(UUID spotId, UUID courseId, UUID[] memberIds) {
        jdbc.sql("delete from course_progress where spot_id = :spot and course_id = :course "
                        + "and member_id = any(:members)")
                .param("spot", spotId).param("course", courseId).param("members", memberIds).update();
        jdbc.sql("update participant set completed_steps = 0 where spot_id = :spot and resource_id = :course "
                        + "and member_id = any(:members)")
                .param("spot", spotId).param("course", courseId).param("members", memberIds).update();
    }
}
