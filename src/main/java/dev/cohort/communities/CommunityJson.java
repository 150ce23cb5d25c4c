package dev.cohort.communities;

import dev.cohort.groups.CommunityFields.GroupBranding;
import dev.cohort.groups.CommunityFields.GroupTheme;
import dev.cohort.groups.CommunityFields.MembershipQuestion;
import dev.cohort.groups.CommunityInput;
import dev.cohort.groups.PromoLink;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A community group's settings as the JSON columns of {@code community_group} keep them: questions
 * {@code [{id, question, required}]} (the shape the joining module reads), branding and theme objects, links
 * {@code [{title, url}]}.
 */
final class CommunityJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CommunityJson() {
    }

    static String questions(List<CommunityInput.MembershipQuestionInput> questions) {
        ArrayNode array = JSON.createArrayNode();
        for (CommunityInput.MembershipQuestionInput q : questions) {
            array.addObject().put("id", q.id() == null ? UUID.randomUUID().toString() : q.id())
                    .put("question", q.question()).put("required", q.required());
        }
        return array.toString();
    }

    static List<MembershipQuestion> questions(String json) {
        return JSON.readTree(json).valueStream().map(q -> new MembershipQuestion(q.path("id").asString(),
                q.path("question").asString(), q.path("required").asBoolean())).toList();
    }

    /** The branding's fields that are set ({@code {}} for none: what a new group has). */
    static String branding(CommunityInput.GroupBrandingInput branding) {
        ObjectNode node = JSON.createObjectNode();
        put(node, "primaryColor", branding.primaryColor());
        put(node, "logoUrl", branding.logoUrl());
        put(node, "coverUrl", branding.coverUrl());
        put(node, "faviconUrl", branding.faviconUrl());
        return node.toString();
    }

    static GroupBranding branding(String json) {
        JsonNode node = JSON.readTree(json);
        return new GroupBranding(text(node, "primaryColor"), text(node, "logoUrl"), text(node, "coverUrl"),
                text(node, "faviconUrl"));
    }

    /** The theme's colours that are set ({@code {}} for none). */
    static String theme(CommunityInput.GroupThemeInput theme) {
        ObjectNode node = JSON.createObjectNode();
        put(node, "background", theme.background());
        put(node, "text", theme.text());
        put(node, "accent", theme.accent());
        return node.toString();
    }

    static GroupTheme theme(String json) {
        JsonNode node = JSON.readTree(json);
        return new GroupTheme(text(node, "background"), text(node, "text"), text(node, "accent"));
    }

    static String links(List<PromoLink> links) {
        ArrayNode array = JSON.createArrayNode();
        links.forEach(link -> array.addObject().put("title", link.title()).put("url", link.url()));
        return array.toString();
    }

    static List<PromoLink> links(String json) {
        return JSON.readTree(json).valueStream()
                .map(l -> new PromoLink(l.path("title").asString(), l.path("url").asString())).toList();
    }

    private static void put(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
