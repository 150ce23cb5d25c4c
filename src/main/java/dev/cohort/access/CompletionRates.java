package dev.cohort.access;

import java.util.Map;
import java.util.UUID;

/**
 * The completion rate (an integer percentage) of members on a course, for the CourseParticipant objects this module
 * answers (invitations). Implemented by the module that owns course progress; members without progress are absent.
 */
public interface CompletionRates {
    Map<UUID, Integer> of(UUID spotId, UUID courseId, UUID[] memberIds);
}
