package dev.cohort.joining;

import dev.cohort.communities.Community;
import dev.cohort.system.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * The links members follow into a community group: its join URL ({@code COHORT_PUBLIC_URL/join/{spotId}/{slug}}),
 * with a join code ({@code ?code=}) or an invitation's token ({@code ?invitation=}).
 */
@Component
class JoinLinks {
    private final String publicUrl;

    JoinLinks(Settings settings) {
        this.publicUrl = settings.publicUrl();
    }

    String group(Community community) {
        return publicUrl + "/join/" + community.spotId() + "/" + community.slug();
    }

    String code(Community community, String code) {
        return group(community) + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8);
    }

    String invitation(Community community, String token) {
        return group(community) + "?invitation=" + token;
    }
}
