package dev.cohort.groups;

import dev.cohort.errors.ConflictException;
import dev.cohort.web.Problems;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What an update may not change about a community group: its kind, both ways, and its owner. */
final class CommunityKind {
    private CommunityKind() {
    }

    /**
     * The kind an update asks for, checked: a community group stays one and no other group becomes one (a problem
     * naming kind). Sending back the kind the group has changes nothing; returns the kind left for the static and
     * smart rules to read (null when there is none).
     */
    static @Nullable String requireKept(Group current, @Nullable String kind, Problems problems) {
        if (kind == null || kind.equals(current.kind()) && current.isCommunity()) {
            return null;
        }
        if (current.isCommunity()) {
            problems.add("kind", "a community group stays a community group: it cannot become " + kind);
            return null;
        }
        if (kind.equals("community")) {
            problems.add("kind", "a " + current.kind() + " group cannot become a community group: create one with "
                    + "\"kind\": \"community\" and its ownerSpotMemberId");
            return null;
        }
        return kind;
    }

    /**
     * Refuses another owner for a community group (a conflict: the owner can never be replaced); the same owner or
     * null changes nothing. On another kind of group an owner is a problem.
     */
    static void requireOwnerKept(Group current, @Nullable Optional<UUID> owner, Problems problems) {
        if (owner == null || owner.isEmpty()) {
            return;
        }
        if (!current.isCommunity()) {
            problems.add("ownerSpotMemberId", "only community groups have an owner");
        } else if (!owner.get().equals(current.community().ownerSpotMemberId())) {
            problems.throwIfAny();
            throw new ConflictException("ownerSpotMemberId", "the owner of a community group is its creator, for "
                    + "good: it can never be replaced");
        }
    }
}
