package dev.cohort.members;

import java.util.UUID;

/** The Tag object of the MeltingSpot API: a name unique in its Spot, an optional emoji and a position. */
record Tag(UUID id, String name, String emoji, int order) {
}
