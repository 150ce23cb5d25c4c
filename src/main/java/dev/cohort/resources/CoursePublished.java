package dev.cohort.resources;

import java.util.UUID;

/**
 * A Draft course was published (its status left Draft), in the transaction that published it: the invitations held
 * back while it was a Draft can be sent now, once.
 */
public record CoursePublished(UUID spotId, UUID courseId) {
}
