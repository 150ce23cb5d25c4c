package dev.cohort.members;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The CustomRole object of the MeltingSpot API: a label, a description and a set of permissions. */
record CustomRole(UUID id, String label, @Nullable String description,
                  @ArraySchema(schema = @Schema(allowableValues = {"live.*", "live.full.*", "live.limited.*",
                          "moderation.*", "spot.member.invite.*", "course.limited.*", "course.full.*",
                          "collection.full.*", "collection.limited.*", "groups.moderate"})) List<String> permissions) {
    /** The permission values the MeltingSpot API documents, and Cohort's groups.moderate (community groups). */
    static final List<String> PERMISSIONS = List.of("live.*", "live.full.*", "live.limited.*", "moderation.*",
            "spot.member.invite.*", "course.limited.*", "course.full.*", "collection.full.*", "collection.limited.*",
            "groups.moderate");
}
