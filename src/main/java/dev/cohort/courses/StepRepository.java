package dev.cohort.courses;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The {@code course_step} table: a course's steps by position (from 1). */
@Repository
class StepRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "s.id, s.course_id, s.position, s.kind, s.title, s.body, s.module, "
            + "s.quiz::text as quiz";

    private final JdbcClient jdbc;

    StepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the course row until the end of the transaction, so that step edits on one course run one at a time. */
    boolean lockCourse(UUID spotId, UUID courseId) {
        return jdbc.sql("select 1 from resource where spot_id = :spot and id = :course and type = 'course' for update")
                .param("spot", spotId).param("course", courseId).query(Integer.class).optional().isPresent();
    }

    List<Step> list(UUID spotId, UUID courseId) {
        return jdbc.sql("select " + COLUMNS + " from course_step s where s.spot_id = :spot and s.course_id = :course "
                        + "order by s.position")
                .param("spot", spotId).param("course", courseId).query(StepRepository::step).list();
    }

    /** Inserts a step at {@code position}, moving the steps from there on one place down. */
    Step insert(UUID spotId, UUID courseId, int position, String kind, String title, String body, String module,
                Quiz quiz) {
        jdbc.sql("update course_step set position = position + 1 where spot_id = :spot and course_id = :course "
                        + "and position >= :position")
                .param("spot", spotId).param("course", courseId).param("position", position).update();
        return jdbc.sql("insert into course_step as s (spot_id, course_id, id, position, kind, title, body, module, "
                        + "quiz) values (:spot, :course, :id, :position, :kind, :title, :body, :module, "
                        + "cast(:quiz as jsonb)) returning " + COLUMNS)
                .param("spot", spotId).param("course", courseId).param("id", UUID.randomUUID())
                .param("position", position).param("kind", kind).param("title", title).param("body", body)
                .param("module", module).param("quiz", quiz == null ? null : JSON.writeValueAsString(quiz))
                .query(StepRepository::step).single();
    }

    /** Sets a step's fields; {@code updated_at} moves only when one of them changes. */
    Step update(UUID spotId, UUID courseId, UUID id, String title, String body, String module, Quiz quiz) {
        return jdbc.sql("update course_step s set title = :title, body = :body, module = :module, "
                        + "quiz = cast(:quiz as jsonb), updated_at = case when (s.title, s.body, s.module, s.quiz) "
                        + "is distinct from (cast(:title as text), cast(:body as text), cast(:module as text), "
                        + "cast(:quiz as jsonb)) then now() else s.updated_at end "
                        + "where s.spot_id = :spot and s.course_id = :course and s.id = :id returning " + COLUMNS)
                .param("spot", spotId).param("course", courseId).param("id", id).param("title", title)
                .param("body", body).param("module", module)
                .param("quiz", quiz == null ? null : JSON.writeValueAsString(quiz))
                .query(StepRepository::step).single();
    }

    /** Deletes a step (its progress rows go with it) and closes the gap in the positions. */
    void delete(UUID spotId, UUID courseId, Step step) {
        jdbc.sql("update participant p set completed_steps = p.completed_steps - 1 from course_progress cp "
                        + "where cp.spot_id = :spot and cp.course_id = :course and cp.step_id = :id "
                        + "and p.spot_id = cp.spot_id and p.resource_id = cp.course_id and p.member_id = cp.member_id")
                .param("spot", spotId).param("course", courseId).param("id", step.id()).update();
        jdbc.sql("delete from course_step where spot_id = :spot and course_id = :course and id = :id")
                .param("spot", spotId).param("course", courseId).param("id", step.id()).update();
        jdbc.sql("update course_step set position = position - 1 where spot_id = :spot and course_id = :course "
                        + "and position > :position")
                .param("spot", spotId).param("course", courseId).param("position", step.position()).update();
    }

    /** Gives each step its place in {@code ids} (which holds exactly the course's steps); moved steps are updated. */
    void reorder(UUID spotId, UUID courseId, UUID[] ids) {
        jdbc.sql("update course_step s set position = o.n, "
                        + "updated_at = case when s.position <> o.n then now() else s.updated_at end "
                        + "from unnest(cast(:ids as uuid[])) with ordinality as o(id, n) "
                        + "where s.spot_id = :spot and s.course_id = :course and s.id = o.id")
                .param("spot", spotId).param("course", courseId).param("ids", ids).update();
    }

    private static Step step(ResultSet rs, int row) throws SQLException {
        String quiz = rs.getString("quiz");
        return new Step(rs.getObject("id", UUID.class), rs.getObject("course_id", UUID.class), rs.getInt("position"),
                rs.getString("kind"), rs.getString("title"), rs.getString("body"), rs.getString("module"),
                quiz == null ? null : JSON.readValue(quiz, Quiz.class));
    }
}
