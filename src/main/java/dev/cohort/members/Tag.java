package dev.cohort.members;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The Tag object of the MeltingSpot API: a name unique in its Spot, an optional emoji and a position. */
record Tag(UUID id, String name, @Nullable String emoji,
           @Schema(description = "The tag's position, from 1") int order) {
}
