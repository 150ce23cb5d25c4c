package dev.cohort.spots;

import java.time.Instant;
import java.util.UUID;

/** A community: every other record belongs to exactly one Spot. */
public record Spot(UUID id, String name, Instant createdAt) {
}
