package dev.cohort.courses;

import dev.cohort.access.ParticipantService;
import dev.cohort.errors.ConflictException;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.messaging.EmailQueue;
import dev.cohort.resources.Resource;
import dev.cohort.resources.ResourceService;
import dev.cohort.resources.ResourceType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member taking a course: what they see, completing steps and submitting quizzes (navigation mode enforced), and
 * self-enrolment in a public course. A Draft course, and a secret one they are not an active participant of, is a
 * 404 to them.
 */
@Service
class LearnerService {
    private static final Logger log = LoggerFactory.getLogger(LearnerService.class);
    private final ResourceService resources;
    private final ParticipantService participants;
    private final StepRepository steps;
    private final ProgressRepository progress;
    private final EmailQueue emails;

    LearnerService(ResourceService resources, ParticipantService participants, StepRepository steps,
                   ProgressRepository progress, EmailQueue emails) {
        this.resources = resources;
        this.participants = participants;
        this.steps = steps;
        this.progress = progress;
        this.emails = emails;
    }

    /** The course as its member sees it: no correct answers; their own status, rate and per-step progress. */
    record MyCourse(UUID id, String title, @Nullable String description, String privacy, String navigationMode,
                    @Schema(description = "Invited, Started, Completed or Unenrolled; null when I am not a "
                            + "participant") @Nullable String participantStatus,
                    int completionRate, List<MyStep> steps) {
    }

    record MyStep(UUID id, int position, String kind, String title, @Nullable String body, @Nullable String module,
                  @Schema(description = "A quiz step's questions, without the correct answers")
                  Quiz.@Nullable Hidden quiz,
                  boolean completed, @Nullable OffsetDateTime completedAt,
                  @Schema(description = "A quiz's score, a percentage") @Nullable Integer score,
                  @Nullable Boolean passed, @Nullable OffsetDateTime submittedAt) {
    }

    private static boolean active(String status) {
        return status != null && !status.equals("Unenrolled");
    }

    /** The course if the member may see it: published, and public or private, or secret with them participating. */
    private Resource visible(UUID spotId, UUID courseId, String status) {
        Resource course = resources.require(spotId, ResourceType.COURSE, courseId);
        if ("Draft".equals(course.setting("status")) || (course.restricted() && !active(status))) {
            throw new NotFoundException("Course");
        }
        return course;
    }

    @Transactional(readOnly = true)
    MyCourse course(UUID spotId, UUID courseId, UUID memberId) {
        String status = progress.status(spotId, courseId, memberId).orElse(null);
        Resource course = visible(spotId, courseId, status);
        List<Step> current = steps.list(spotId, courseId);
        Map<UUID, ProgressRepository.Completion> done = progress.completions(spotId, courseId,
                new UUID[] {memberId}).getOrDefault(memberId, Map.of());
        List<MyStep> mine = current.stream().map(s -> {
            ProgressRepository.Completion c = done.get(s.id());
            return new MyStep(s.id(), s.position(), s.kind(), s.title(), s.body(), s.module(),
                    s.quiz() == null ? null : s.quiz().hidden(), c != null, c == null ? null : c.completedAt(),
                    c == null ? null : c.score(), c == null ? null : c.passed(), c == null ? null : c.submittedAt());
        }).toList();
        return new MyCourse(course.id(), course.name(), course.setting("description"), course.setting("privacy"),
                course.setting("navigationMode"), status, CourseParticipantView.rate(done.size(), current.size()),
                mine);
    }

    /** Completes a content or conclusion step. */
    @Transactional
    MyCourse complete(UUID spotId, UUID courseId, UUID memberId, UUID stepId) {
        Step step = takeable(spotId, courseId, memberId, stepId);
        if (step.isQuiz()) {
            throw new InvalidInputException("stepId", "a quiz step is completed by submitting it (~submitQuiz)");
        }
        record(spotId, courseId, memberId, step, null);
        return course(spotId, courseId, memberId);
    }

    /** Scores a quiz on the server; the step counts as completed whatever the score, pass/fail is recorded. */
    @Transactional
    MyCourse submitQuiz(UUID spotId, UUID courseId, UUID memberId, UUID stepId, List<List<Integer>> chosen) {
        Step step = takeable(spotId, courseId, memberId, stepId);
        if (!step.isQuiz()) {
            throw new InvalidInputException("stepId", "is a " + step.kind() + " step, not a quiz: complete it "
                    + "with ~complete");
        }
        List<Set<Integer>> answers = step.quiz().readAnswers(chosen);
        record(spotId, courseId, memberId, step, step.quiz().score(answers));
        return course(spotId, courseId, memberId);
    }

    /** The step, once the member may complete it: an active participant, and in order in a Sequential course. */
    private Step takeable(UUID spotId, UUID courseId, UUID memberId, UUID stepId) {
        String status = progress.lockStatus(spotId, courseId, memberId).orElse(null);
        Resource course = visible(spotId, courseId, status);
        if (!active(status)) {
            throw new ConflictException("courseId", status == null ? "you are not enrolled in this course"
                    : "you were unenrolled from this course");
        }
        List<Step> current = steps.list(spotId, courseId);
        Step step = StepService.find(current, stepId);
        if ("Sequential".equals(course.setting("navigationMode"))) {
            Set<UUID> done = progress.completions(spotId, courseId, new UUID[] {memberId})
                    .getOrDefault(memberId, Map.of()).keySet();
            List<String> missing = current.stream().filter(s -> s.position() < step.position())
                    .filter(s -> !done.contains(s.id())).map(Step::title).toList();
            if (!missing.isEmpty()) {
                throw new ConflictException("stepId", "this course is Sequential: complete the previous steps first "
                        + missing);
            }
        }
        return step;
    }

    private void record(UUID spotId, UUID courseId, UUID memberId, Step step, Quiz.Result quiz) {
        String before = progress.lockStatus(spotId, courseId, memberId).orElseThrow();
        progress.complete(spotId, courseId, memberId, step.id(), step.isConclusion(), quiz);
        if (step.isConclusion() && !"Completed".equals(before)) {
            Resource course = resources.require(spotId, ResourceType.COURSE, courseId);
            if (!"false".equals(course.setting("completionEmailToAdmins"))) {
                int queued = emails.courseCompleted(spotId, courseId, memberId);
                log.debug("Spot {}: member {} completed course {}, {} admins emailed", spotId, memberId, courseId,
                        queued);
            }
        }
    }

    /**
     * Self-enrolment in a published public course; an Unenrolled member re-enrols the same way and starts afresh.
     *
     * @return true when the member was not an active participant before
     */
    @Transactional
    boolean enrol(UUID spotId, UUID courseId, UUID memberId) {
        String status = progress.lockStatus(spotId, courseId, memberId).orElse(null);
        Resource course = visible(spotId, courseId, status);
        if (active(status)) {
            return false;
        }
        if (!"Public".equals(course.setting("privacy"))) {
            throw new ConflictException("courseId", "this course is " + course.setting("privacy")
                    + ": members join it by invitation only");
        }
        return participants.enrolSelf(spotId, courseId, memberId);
    }
}
