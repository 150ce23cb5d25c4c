package dev.cohort.messaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The invitation email of each resource type: its variables, the built-in default text and the rendering of
 * {@code {{variable}}} placeholders. Values are inserted as plain text; the email is plain text.
 */
final class InvitationTemplates {
    static final List<String> TYPES = List.of("live", "course", "channel", "forum", "collection");
    static final List<String> VARIABLES =
            List.of("memberName", "memberFirstname", "resourceName", "resourceLink", "spotName");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_.-]*)\\s*}}");

    private static final Map<String, String> NOUNS = Map.of(
            "live", "live", "course", "course", "channel", "channel", "forum", "forum", "collection", "collection");
    private static final Map<String, String> PATHS = Map.of(
            "live", "lives", "course", "courses", "channel", "channels", "forum", "forums", "collection", "collections");

    private InvitationTemplates() {
    }

    /** A subject and body, either the Spot's own or the default. */
    record Template(String type, String subject, String body, boolean isDefault) {
    }

    static boolean known(String type) {
        return TYPES.contains(type);
    }

    static Template defaultFor(String type) {
        String noun = NOUNS.get(type);
        return new Template(type, "{{spotName}}: you are invited to the " + noun + " {{resourceName}}",
                "Hello {{memberFirstname}},\n\n"
                        + "You have been invited to the " + noun + " \"{{resourceName}}\" on {{spotName}}.\n\n"
                        + "Open it here: {{resourceLink}}\n\n"
                        + "See you there,\nThe {{spotName}} team\n", true);
    }

    /** The URL path of a resource, as the MeltingSpot paths name its type ({@code /lives/{id}}). */
    static String path(String type, Object id) {
        return "/" + PATHS.getOrDefault(type, type) + "/" + id;
    }

    /** The distinct placeholders of {@code text} that are not known variables, in order of appearance. */
    static List<String> unknownVariables(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!VARIABLES.contains(m.group(1))) {
                unknown.add(m.group(1));
            }
        }
        return new ArrayList<>(unknown);
    }

    /** {@code text} with each known placeholder replaced by its value (unknown ones are left as written). */
    static String render(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A subject is one header line: line breaks coming from values become spaces. */
    static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").trim();
    }
}
