package dev.cohort.groups;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A member let into a group by a decision made above groups (an approved join request, an accepted invitation, a
 * code): how they came ({@code source}: selfJoined or code, with the code's id), and when the membership ends by
 * itself ({@code validUntil}, null: permanent; a subscription group's follows the member's subscription).
 */
public record Admission(UUID memberId, String source, @Nullable UUID joinCodeId, @Nullable Instant validUntil) {
}
