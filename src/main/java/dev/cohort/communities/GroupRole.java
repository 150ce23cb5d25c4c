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
}
