package dev.cohort.web;

import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing of the UUIDs used as ids everywhere. */
public final class Ids {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private Ids() {
    }

    /** The UUID written in {@code text}, or null when it is not one. */
    public static UUID parse(String text) {
        if (text == null || !UUID_TEXT.matcher(text).matches()) {
            return null;
        }
        return UUID.fromString(text);
    }
}
