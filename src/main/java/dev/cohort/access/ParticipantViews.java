package dev.cohort.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** MeltingSpot's LiveParticipant and CourseParticipant objects, plus Cohort's {@code sources}. */
final class ParticipantViews {
    private ParticipantViews() {
    }

    record LiveParticipant(UUID id, UUID liveId, UUID spotMemberId, String spotMemberEmail,
                           @Nullable String spotMemberFirstname, @Nullable String spotMemberLastname,
                           @Schema(allowableValues = {"Accepted", "Invited", "Declined"}) String status,
                           @Schema(allowableValues = {"Participant", "Speaker", "Host"}) String type,
                           @Nullable OffsetDateTime invitedAt, @Nullable OffsetDateTime registeredAt,
                           boolean isHighlighted,
                           LiveParticipantMetrics metrics,
                           @Schema(description = "What holds the participant: direct, each linked group holding it, "
                                   + "selfEnrollment") List<ParticipantSource> sources) implements Participant {
        static LiveParticipant of(ParticipantRow p) {
            return new LiveParticipant(p.id(), p.resourceId(), p.memberId(), p.email(), p.firstname(), p.lastname(),
                    p.status(), p.type(), p.invitedAt(), p.registeredAt(), false,
                    new LiveParticipantMetrics(0, false, false), p.sources());
        }
    }

    record CourseParticipant(UUID id, UUID courseId, UUID spotMemberId, String spotMemberEmail,
                             @Nullable String spotMemberFirstname, @Nullable String spotMemberLastname,
                             @Schema(allowableValues = {"Invited", "Started", "Completed", "Unenrolled"}) String status,
                             @Nullable OffsetDateTime invitedAt, @Nullable OffsetDateTime startedAt,
                             @Nullable OffsetDateTime completedAt, @Nullable OffsetDateTime unenrolledAt,
                             @Nullable OffsetDateTime lastActivityAt, int completionRate,
                             @Schema(description = "What holds the participant: direct, each linked group holding "
                                     + "it, selfEnrollment") List<ParticipantSource> sources) implements Participant {
        static CourseParticipant of(ParticipantRow p, int completionRate) {
            return new CourseParticipant(p.id(), p.resourceId(), p.memberId(), p.email(), p.firstname(),
                    p.lastname(), p.status(), p.invitedAt(), p.startedAt(), p.completedAt(), p.unenrolledAt(),
                    p.lastActivityAt(), completionRate, p.sources());
        }
    }

    /** A live's or a course's participant, as the invitations answer them. */
    @Schema(name = "Participant", oneOf = {LiveParticipant.class, CourseParticipant.class},
            description = "A LiveParticipant (lives) or a CourseParticipant (courses)")
    sealed interface Participant permits LiveParticipant, CourseParticipant {
    }

    /** MeltingSpot's live participant metrics (not measured by Cohort: zero). */
    record LiveParticipantMetrics(int viewTime, boolean hasReplayed, boolean hasParticipated) {
    }

    /** The result of removing direct invitations. */
    @Schema(name = "ParticipantsRemoved")
    record Removed(int removedSpotMembersCount, int directSourcesRemoved) {
        static Removed of(GrantRepository.Revoked revoked) {
            return new Removed(revoked.participantsRemoved(), revoked.sourcesRemoved());
        }
    }
}
