package dev.cohort.courses;

import static dev.cohort.support.Sessions.assertKeyViolation;
import static dev.cohort.support.Sessions.awaitLockWait;
import static dev.cohort.support.Sessions.backendPid;
import static dev.cohort.support.Sessions.execute;
import static dev.cohort.support.Sessions.failure;
import static dev.cohort.support.Sessions.transaction;
import static dev.cohort.support.Sessions.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cohort.support.ApiTest;
import java.sql.Connection;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The set-based key of V17 that replaced course_progress's foreign key to participant: progress names a participant
 * that exists, and goes with it, also when the two changes race in concurrent transactions. Plain SQL on the
 * service's database, as a bug in the service's own SQL (or a migration that loses a trigger) would leave them.
 */
class CourseProgressKeysApiTest extends ApiTest {
    private static final String MISSING = "a course progress row names a participant that does not exist";
    private static final String PROGRESS = "insert into course_progress (spot_id, course_id, member_id, step_id, "
            + "completed_at) values (?, ?, ?, ?, now())";

    @Autowired
    DataSource dataSource;

    /** A course with one step, and a member invited to it. */
    private record Enrolled(UUID spot, UUID course, UUID step, UUID member, CourseFixture fixture) {
        String courseId() {
            return course.toString();
        }
    }

    private Enrolled enrolled() {
        CourseFixture f = new CourseFixture(newSpot(), jdbc);
        String course = f.course("Keys", "Secret", "Published", "Flexible");
        String step = f.content(course, "One");
        String member = f.spot.member("ada-" + UUID.randomUUID() + "@example.com");
        f.invite(course, false, member);
        return new Enrolled(UUID.fromString(f.spot.spotId), UUID.fromString(course), UUID.fromString(step),
                UUID.fromString(member), f);
    }

    private long progress(Enrolled e) {
        return jdbc.sql("select count(*) from course_progress where course_id = :c and member_id = :m")
                .param("c", e.course()).param("m", e.member()).query(Long.class).single();
    }

    private static final String DELETE_PARTICIPANT = "delete from participant where spot_id = ? and resource_id = ? "
            + "and member_id = ?";

    @Test
    void progress_of_a_participant_is_written_and_goes_with_the_participant() throws Exception {
        Enrolled e = enrolled();
        Enrolled other = enrolled();
        assertThat(e.fixture().complete(e.member().toString(), e.courseId(), e.step().toString()).status())
                .isEqualTo(200);
        assertThat(update(dataSource, PROGRESS, other.spot(), other.course(), other.member(), other.step()))
                .isEqualTo(1);
        assertThat(progress(e)).isEqualTo(1);

        assertThat(update(dataSource, DELETE_PARTICIPANT, e.spot(), e.course(), e.member())).isEqualTo(1);
        assertThat(progress(e)).isZero();
        // another participant's progress stays
        assertThat(progress(other)).isEqualTo(1);
    }

    @Test
    void progress_naming_no_participant_or_another_spots_is_refused_and_nothing_is_written() throws Exception {
        Enrolled e = enrolled();
        Enrolled elsewhere = enrolled();
        assertKeyViolation(catchThrowable(() -> update(dataSource, PROGRESS, e.spot(), e.course(), UUID.randomUUID(),
                e.step())), MISSING);
        assertKeyViolation(catchThrowable(() -> update(dataSource, PROGRESS, e.spot(), e.course(),
                elsewhere.member(), e.step())), MISSING);
        // one good row and one bad in one statement: neither is written
        assertKeyViolation(catchThrowable(() -> update(dataSource, "insert into course_progress (spot_id, course_id, "
                + "member_id, step_id, completed_at) values (?, ?, ?, ?, now()), (?, ?, ?, ?, now())", e.spot(),
                e.course(), e.member(), e.step(), e.spot(), e.course(), UUID.randomUUID(), e.step())), MISSING);
        assertThat(progress(e)).isZero();
        // an update moving a row to a participant that does not exist is refused too
        update(dataSource, PROGRESS, e.spot(), e.course(), e.member(), e.step());
        assertKeyViolation(catchThrowable(() -> update(dataSource, "update course_progress set member_id = ? "
                + "where course_id = ?", UUID.randomUUID(), e.course())), MISSING);
        assertThat(progress(e)).isEqualTo(1);
    }

    @Test
    void a_participant_deleted_while_progress_is_being_written_takes_the_progress_with_it() throws Exception {
        Enrolled e = enrolled();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection writer = transaction(dataSource); Connection deleter = transaction(dataSource)) {
            execute(writer, PROGRESS, e.spot(), e.course(), e.member(), e.step());
            int pid = backendPid(deleter);
            Future<?> delete = pool.submit(() -> execute(deleter, DELETE_PARTICIPANT, e.spot(), e.course(),
                    e.member()));
            // the progress writer holds the participant (for key share): the deletion waits for it
            awaitLockWait(jdbc, pid, delete);
            writer.commit();
            assertThat(failure(delete)).isNull();
            deleter.commit();
        } finally {
            pool.shutdown();
        }
        assertThat(progress(e)).isZero();
        assertThat(jdbc.sql("select count(*) from participant where resource_id = :c").param("c", e.course())
                .query(Long.class).single()).isZero();
    }

    @Test
    void progress_written_while_its_participant_is_being_deleted_is_refused() throws Exception {
        Enrolled e = enrolled();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection deleter = transaction(dataSource); Connection writer = transaction(dataSource)) {
            execute(deleter, DELETE_PARTICIPANT, e.spot(), e.course(), e.member());
            int pid = backendPid(writer);
            Future<?> write = pool.submit(() -> execute(writer, PROGRESS, e.spot(), e.course(), e.member(),
                    e.step()));
            awaitLockWait(jdbc, pid, write);
            deleter.commit();
            assertKeyViolation(failure(write), MISSING);
            writer.rollback();
        } finally {
            pool.shutdown();
        }
        assertThat(progress(e)).isZero();
    }
}
