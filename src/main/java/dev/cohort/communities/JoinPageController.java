package dev.cohort.communities;

import dev.cohort.errors.GoneException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.groups.CommunityFields.GroupBranding;
import dev.cohort.groups.CommunityFields.MembershipQuestion;
import dev.cohort.groups.Group;
import dev.cohort.groups.GroupService;
import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public join page a community group's {@code joinUrl} ({@code COHORT_PUBLIC_URL/join/{spotId}/{slug}}) opens:
 * no credential (the path is outside {@code /v1}, so {@code AuthenticationFilter} lets it through, as it does
 * {@code /actuator}), a small self-contained HTML page with the group's name, description, branding, join policy and
 * membership questions, telling the visitor to sign in on the host's app to join. The slug resolves as on
 * {@code GET /v1/me/groups/bySlug/{slug}}: a retired slug is a 410 problem, an unknown Spot or slug or a deleted group
 * a 404 problem. Not in the OpenAPI document, which lists the API ({@code /v1}, {@code /admin/v1}) only.
 */
@RestController
@Hidden
class JoinPageController {
    private static final Pattern COLOR = Pattern.compile("#[0-9A-Fa-f]{6}");

    private final SlugRepository slugs;
    private final GroupService groups;

    JoinPageController(SlugRepository slugs, GroupService groups) {
        this.slugs = slugs;
        this.groups = groups;
    }

    @GetMapping("/join/{spotId}/{slug}")
    ResponseEntity<String> page(@PathVariable String spotId, @PathVariable String slug,
                                @RequestParam(required = false) @Nullable String code,
                                @RequestParam(required = false) @Nullable String invitation) {
        UUID spot = uuid(spotId);
        NotFoundException notFound = new NotFoundException("Community group with slug '" + slug + "'");
        if (spot == null) {
            throw notFound;
        }
        SlugRepository.Resolved resolved = slugs.resolve(spot, slug).orElseThrow(() -> notFound);
        Group group = groups.find(spot, resolved.groupId()).filter(Group::isCommunity).orElseThrow(() -> notFound);
        if (resolved.retired()) {
            throw new GoneException("this link is no longer active: the group's join URL changed");
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; img-src https:; style-src 'unsafe-inline'")
                .body(html(group, code, invitation));
    }

    private static @Nullable UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String html(Group group, @Nullable String code, @Nullable String invitation) {
        var c = group.community();
        GroupBranding branding = c.branding() == null ? GroupBranding.NONE : c.branding();
        String color = branding.primaryColor() != null && COLOR.matcher(branding.primaryColor()).matches()
                ? branding.primaryColor() : "#333333";
        String logo = branding.logoUrl() != null && branding.logoUrl().startsWith("https://")
                ? "<img class=\"logo\" src=\"" + escape(branding.logoUrl()) + "\" alt=\"\">\n" : "";
        String description = group.description() == null || group.description().isBlank() ? ""
                : "<p class=\"description\">" + escape(group.description()) + "</p>\n";
        String policy = "open".equals(c.joinPolicy())
                ? "Anyone in this Spot can join at once."
                : "Joining asks for approval: an admin or moderator of the group reviews each request.";
        if ("subscription".equals(c.access())) {
            policy += " Membership needs an active subscription.";
        }
        StringBuilder questions = new StringBuilder();
        List<MembershipQuestion> asked = c.membershipQuestions() == null ? List.of() : c.membershipQuestions();
        if (!asked.isEmpty()) {
            questions.append("<h2>When you ask to join</h2>\n<ul class=\"questions\">\n");
            for (MembershipQuestion q : asked) {
                questions.append("<li>").append(escape(q.question()))
                        .append(q.required() ? " <em>(required)</em>" : "").append("</li>\n");
            }
            questions.append("</ul>\n");
        }
        StringBuilder passed = new StringBuilder();
        if (invitation != null && !invitation.isEmpty()) {
            passed.append("<p class=\"invitation\">You have an invitation: <code>").append(escape(invitation))
                    .append("</code></p>\n");
        }
        if (code != null && !code.isEmpty()) {
            passed.append("<p class=\"code\">You have a code: <code>").append(escape(code)).append("</code></p>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%1$s</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 0; background: #f6f6f6; color: #111; }
                main { max-width: 36rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px;
                       border-top: 6px solid %2$s; }
                h1 { color: %2$s; margin-top: 0; }
                .logo { max-height: 64px; display: block; margin-bottom: 1rem; }
                .join { font-weight: bold; }
                code { background: #eee; padding: 0 .25rem; }
                </style>
                </head>
                <body>
                <main>
                %3$s<h1>%1$s</h1>
                %4$s<p class="policy">%5$s</p>
                %6$s%7$s<p class="join">To join, sign in on the host's app.</p>
                </main>
                </body>
                </html>
                """.formatted(escape(group.name()), color, logo, description, escape(policy), questions, passed);
    }

    /** HTML-escapes text for an element's content or a quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
