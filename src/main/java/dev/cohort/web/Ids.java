package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/** Strict parsing of the UUIDs used as ids everywhere. */
public final class Ids {
    private static final Pattern UUID_TEXT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /**
     * A new time-ordered UUID (version 7 layout, like the database's {@code uuid_v7()}): 48 bits of Unix
     * milliseconds, then 74 random bits. Members are created by the hundred thousand (imports) and their ids are
     * the last key of several indexes (members, tags and property values by member, group memberships): ids that
     * grow with time land at the end of those indexes instead of on a random page each.
     */
    public static UUID timeOrdered() {
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    /** The UUID written in {@code text}, or null when it is not one. */
    public static UUID parse(String text) {
        // Most texts that are not ids (tag names, say) fail on their length, before the pattern.
        if (text == null || text.length() != 36 || !UUID_TEXT.matcher(text).matches()) {
            return null;
        }
        return UUID.fromString(text);
    }

    /** The texts that are UUIDs, each with its UUID, in order; the others are left out (a bulk call reports them). */
    public static Map<String, UUID> parseEach(List<String> texts) {
        Map<String, UUID> parsed = new LinkedHashMap<>();
        for (String text : texts) {
            UUID id = parse(text);
            if (id != null) {
                parsed.put(text, id);
            }
        }
        return parsed;
    }

    /** What a bulk call did with the texts sent: the ids it acted on, and every other text sent. */
    public record Outcome(List<UUID> done, List<String> failed) {
    }

    /**
     * The outcome of a bulk call given the texts sent, those of them that are UUIDs ({@link #parseEach}) and the ids
     * it acted on: those ids in the order they were sent, once each; every other text (malformed, unknown, refused)
     * as failed.
     */
    public static Outcome outcome(List<String> sent, Map<String, UUID> parsed, Collection<UUID> acted) {
        Set<UUID> done = new HashSet<>(acted);
        Set<UUID> listed = new HashSet<>();
        List<UUID> ordered = new ArrayList<>(done.size());
        List<String> failed = new ArrayList<>();
        for (String text : sent) {
            UUID id = parsed.get(text);
            if (id != null && done.contains(id)) {
                if (listed.add(id)) {
                    ordered.add(id);
                }
            } else {
                failed.add(text);
            }
        }
        return new Outcome(ordered, failed);
    }

    /** Every text as a UUID, in order; a 400 naming {@code field[i]} for each one that is not a UUID. */
    public static List<UUID> parseAll(String field, List<String> texts) {
        List<UUID> ids = new ArrayList<>(texts.size());
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            UUID id = parse(texts.get(i));
            if (id == null) {
                problems.add(new FieldProblem(field + "[" + i + "]", "must be a UUID"));
            } else {
                ids.add(id);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return ids;
    }
}
