package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
