package dev.cohort.members;

import java.util.List;
import java.util.UUID;

/** The CustomRole object of the MeltingSpot API: a label, a description and a set of permissions. */
record CustomRole(UUID id, String label, String description, List<String> permissions) {
    /** The permission values the MeltingSpot API documents. */
    static final List<String> PERMISSIONS = List.of("live.*", "live.full.*", "live.limited.*", "moderation.*",
            "spot.member.invite.*", "course.limited.*", "course.full.*", "collection.full.*", "collection.limited.*");
}
