package dev.cohort.communities;

import dev.cohort.groups.CommunityInput;
import dev.cohort.groups.PromoLink;
import dev.cohort.web.Problems;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a community group's settings beyond their JSON types and lengths (which the body reader checks):
 * the slug's form, colours {@code #RRGGBB}, https URLs, question ids. Each bad field is a problem at its path.
 */
final class CommunityChecks {
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern QUESTION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private CommunityChecks() {
    }

    static void check(CommunityInput input, Problems problems) {
        if (input.slug() != null && !Slugs.valid(input.slug())) {
            problems.add("slug", "must be " + Slugs.RULE);
        }
        if (input.membershipQuestions() != null) {
            questions(input.membershipQuestions(), problems);
        }
        if (input.branding() != null) {
            colour("branding.primaryColor", input.branding().primaryColor(), problems);
            url("branding.logoUrl", input.branding().logoUrl(), problems);
            url("branding.coverUrl", input.branding().coverUrl(), problems);
            url("branding.faviconUrl", input.branding().faviconUrl(), problems);
        }
        if (input.theme() != null) {
            colour("theme.background", input.theme().background(), problems);
            colour("theme.text", input.theme().text(), problems);
            colour("theme.accent", input.theme().accent(), problems);
        }
        if (input.promoLinks() != null) {
            List<PromoLink> links = input.promoLinks();
            for (int i = 0; i < links.size(); i++) {
                url("promoLinks[" + i + "].url", links.get(i).url(), problems);
            }
        }
    }

    private static void questions(List<CommunityInput.MembershipQuestionInput> questions, Problems problems) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < questions.size(); i++) {
            String id = questions.get(i).id();
            if (id == null) {
                continue;
            }
            if (!QUESTION_ID.matcher(id).matches()) {
                problems.add("membershipQuestions[" + i + "].id", "must be 1 to 64 letters, digits, '-' or '_'");
            } else if (!ids.add(id)) {
                problems.add("membershipQuestions[" + i + "].id", "is given to another question already");
            }
        }
    }

    private static void colour(String field, String value, Problems problems) {
        if (value != null && !COLOUR.matcher(value).matches()) {
            problems.add(field, "must be a colour #RRGGBB (#3355FF)");
        }
    }

    private static void url(String field, String value, Problems problems) {
        if (value != null && !https(value)) {
            problems.add(field, "must be an https URL (https://example.com/logo.png)");
        }
    }

    static boolean https(String value) {
        try {
            URI uri = new URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
