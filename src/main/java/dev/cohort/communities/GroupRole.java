package dev.cohort.communities;

import java.util.Locale;

/** A member's role in a community group, weakest first; {@code NONE} is someone who is not a member. */
public enum GroupRole {
    NONE, MEMBER, MODERATOR, ADMIN, OWNER;

    /** The role's name in the API and the database ({@code owner}, {@code admin}, ...). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role written {@code value} (null: a plain member). */
    public static GroupRole of(String value) {
        return value == null ? MEMBER : valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean atLeast(GroupRole other) {
        return compareTo(other) >= 0;
    }

    /** The stronger of the two roles. */
    public GroupRole max(GroupRole other) {
        return atLeast(other) ? this : other;
    }

    /** The role just above this one (the owner has none above: the owner). */
    public GroupRole above() {
        return this == OWNER ? OWNER : values()[ordinal() + 1];
    }
}
