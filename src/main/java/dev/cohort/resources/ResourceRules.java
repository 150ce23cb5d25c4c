package dev.cohort.resources;

import dev.cohort.errors.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The rules over a resource's settings: which ones make it restricted (SPEC, Resource row), and what must hold. */
final class ResourceRules {
    static final String INVITED_ONLY = "InvitedMembersOnly";

    private ResourceRules() {
    }

    /**
     * Restricted: a live whose visibility or participation is InvitedMembersOnly, a Secret course or forum, a
     * Private channel or collection.
     */
    static boolean restricted(ResourceType type, JsonNode settings) {
        return switch (type) {
            case LIVE -> INVITED_ONLY.equals(text(settings, "visibility"))
                    || INVITED_ONLY.equals(text(settings, "participation"));
            case COURSE, FORUM -> "Secret".equals(text(settings, "privacy"));
            case CHANNEL, COLLECTION -> "Private".equals(text(settings, "privacy"));
        };
    }

    /** What is wrong with a resource's complete settings: a live must end after it starts. */
    static List<FieldProblem> problems(ResourceType type, JsonNode settings) {
        List<FieldProblem> problems = new ArrayList<>();
        if (type == ResourceType.LIVE) {
            JsonNode start = settings.get("startDate");
            JsonNode end = settings.get("endDate");
            if (start != null && end != null && start.isNumber() && end.isNumber()
                    && end.longValue() <= start.longValue()) {
                problems.add(new FieldProblem("endDate", "must be after startDate"));
            }
        }
        return problems;
    }

    private static String text(JsonNode settings, String field) {
        JsonNode value = settings.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
