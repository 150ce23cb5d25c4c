package dev.cohort.courses;

import dev.cohort.access.ParticipantRow;
import dev.cohort.access.ParticipantSource;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * MeltingSpot's CourseParticipant (status, the five dates, completionRate as an integer percentage) plus Cohort's
 * {@code sources} and {@code steps}: one entry per current step, completed or not, with a quiz's score.
 */
record CourseParticipantView(UUID id, UUID courseId, UUID spotMemberId, String spotMemberEmail,
                             @Nullable String spotMemberFirstname, @Nullable String spotMemberLastname,
                             @Schema(allowableValues = {"Invited", "Started", "Completed", "Unenrolled"})
                             String status,
                             @Nullable OffsetDateTime invitedAt, @Nullable OffsetDateTime startedAt,
                             @Nullable OffsetDateTime completedAt, @Nullable OffsetDateTime unenrolledAt,
                             @Nullable OffsetDateTime lastActivityAt,
                             @Schema(description = "Completed current steps / current steps, a percentage rounded "
                                     + "down") int completionRate,
                             @Schema(description = "What holds the participant: direct, each linked group holding "
                                     + "it, selfEnrollment") List<ParticipantSource> sources,
                             List<StepProgress> steps) {

    /** A participant's standing on one current step. */
    record StepProgress(UUID stepId, String kind, String title, boolean completed, @Nullable OffsetDateTime completedAt,
                        @Schema(description = "A quiz's score, a percentage") @Nullable Integer score,
                        @Nullable Boolean passed, @Nullable OffsetDateTime submittedAt) {
    }

    /** Completed current steps over current steps, as an integer percentage rounded down (0 without steps). */
    static int rate(int done, int steps) {
        return steps == 0 ? 0 : done * 100 / steps;
    }

    static List<StepProgress> steps(List<Step> steps, Map<UUID, ProgressRepository.Completion> done) {
        return steps.stream().map(s -> {
            ProgressRepository.Completion c = done.get(s.id());
            return c == null ? new StepProgress(s.id(), s.kind(), s.title(), false, null, null, null, null)
                    : new StepProgress(s.id(), s.kind(), s.title(), true, c.completedAt(), c.score(), c.passed(),
                    c.submittedAt());
        }).toList();
    }

    static CourseParticipantView of(ParticipantRow p, int done, List<Step> steps,
                                    Map<UUID, ProgressRepository.Completion> completions) {
        return new CourseParticipantView(p.id(), p.resourceId(), p.memberId(), p.email(), p.firstname(),
                p.lastname(), p.status(), p.invitedAt(), p.startedAt(), p.completedAt(), p.unenrolledAt(),
                p.lastActivityAt(), rate(done, steps.size()), p.sources(), steps(steps, completions));
    }
}
