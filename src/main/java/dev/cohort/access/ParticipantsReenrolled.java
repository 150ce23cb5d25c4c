package dev.cohort.access;

import java.util.List;
import java.util.UUID;

/**
 * Unenrolled members of a course were enrolled again (re-invited or self-enrolled): published inside the
 * transaction, so that what hangs on their earlier enrolment (course progress) is reset with it.
 */
public record ParticipantsReenrolled(UUID spotId, UUID resourceId, List<UUID> memberIds) {
}
