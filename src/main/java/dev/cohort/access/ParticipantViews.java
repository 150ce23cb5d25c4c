package dev.cohort.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** MeltingSpot's LiveParticipant and CourseParticipant objects, plus Cohort's {@code sources}. */
final class ParticipantViews {
    private ParticipantViews() {
    }

    record LiveParticipant(UUID id, UUID liveId, UUID spotMemberId, String spotMemberEmail,
                           String spotMemberFirstname, String spotMemberLastname, String status, String type,
                           OffsetDateTime invitedAt, OffsetDateTime registeredAt, boolean isHighlighted,
                           Map<String, Object> metrics, List<Map<String, Object>> sources) {
        static LiveParticipant of(ParticipantRow p) {
            return new LiveParticipant(p.id(), p.resourceId(), p.memberId(), p.email(), p.firstname(), p.lastname(),
                    p.status(), p.type(), p.invitedAt(), p.registeredAt(), false,
                    Map.of("viewTime", 0, "hasReplayed", false, "hasParticipated", false), p.sources());
        }
    }

    record CourseParticipant(UUID id, UUID courseId, UUID spotMemberId, String spotMemberEmail,
                             String spotMemberFirstname, String spotMemberLastname, String status,
                             OffsetDateTime invitedAt, OffsetDateTime startedAt, OffsetDateTime completedAt,
                             OffsetDateTime unenrolledAt, OffsetDateTime lastActivityAt, int completionRate,
                             List<Map<String, Object>> sources) {
        static CourseParticipant of(ParticipantRow p, int completionRate) {
            return new CourseParticipant(p.id(), p.resourceId(), p.memberId(), p.email(), p.firstname(),
                    p.lastname(), p.status(), p.invitedAt(), p.startedAt(), p.completedAt(), p.unenrolledAt(),
                    p.lastActivityAt(), completionRate, p.sources());
        }
    }

    /** The result of removing direct invitations. */
    record Removed(int removedSpotMembersCount, int directSourcesRemoved) {
        static Removed of(GrantRepository.Revoked revoked) {
            return new Removed(revoked.participantsRemoved(), revoked.sourcesRemoved());
        }
    }
}
