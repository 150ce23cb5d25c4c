package dev.cohort.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ResourceRulesTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode settings(Map<String, Object> values) {
        return JSON.valueToTree(values);
    }

    @Test
    void a_live_is_restricted_when_its_visibility_or_its_participation_is_for_invited_members_only() {
        assertThat(ResourceRules.restricted(ResourceType.LIVE,
                settings(Map.of("visibility", "OnlySpotMembers", "participation", "AnySpotMembers")))).isFalse();
        assertThat(ResourceRules.restricted(ResourceType.LIVE,
                settings(Map.of("visibility", "InvitedMembersOnly", "participation", "AnySpotMembers")))).isTrue();
        assertThat(ResourceRules.restricted(ResourceType.LIVE,
                settings(Map.of("visibility", "AnyOne", "participation", "InvitedMembersOnly")))).isTrue();
    }

    @Test
    void secret_courses_and_forums_and_private_channels_and_collections_are_restricted() {
        assertThat(ResourceRules.restricted(ResourceType.COURSE, settings(Map.of("privacy", "Secret")))).isTrue();
        assertThat(ResourceRules.restricted(ResourceType.COURSE, settings(Map.of("privacy", "Private")))).isFalse();
        assertThat(ResourceRules.restricted(ResourceType.COURSE, settings(Map.of("privacy", "Public")))).isFalse();
        assertThat(ResourceRules.restricted(ResourceType.FORUM, settings(Map.of("privacy", "Secret")))).isTrue();
        assertThat(ResourceRules.restricted(ResourceType.FORUM, settings(Map.of("privacy", "Private")))).isFalse();
        assertThat(ResourceRules.restricted(ResourceType.CHANNEL, settings(Map.of("privacy", "Private")))).isTrue();
        assertThat(ResourceRules.restricted(ResourceType.CHANNEL, settings(Map.of("privacy", "Public")))).isFalse();
        assertThat(ResourceRules.restricted(ResourceType.COLLECTION, settings(Map.of("privacy", "Private")))).isTrue();
        assertThat(ResourceRules.restricted(ResourceType.COLLECTION, settings(Map.of("privacy", "Public")))).isFalse();
    }

    @Test
    void a_live_must_end_after_it_starts() {
        assertThat(ResourceRules.problems(ResourceType.LIVE, settings(Map.of("startDate", 100, "endDate", 100))))
                .extracting("field").containsExactly("endDate");
        assertThat(ResourceRules.problems(ResourceType.LIVE, settings(Map.of("startDate", 100, "endDate", 101))))
                .isEmpty();
        assertThat(ResourceRules.problems(ResourceType.LIVE, settings(Map.of("startDate", 100)))).isEmpty();
    }

    @Test
    void a_live_is_planned_before_its_start_live_until_its_end_and_ended_from_then_on() {
        Instant start = Instant.parse("2030-01-01T10:00:00Z");
        Instant end = Instant.parse("2030-01-01T11:00:00Z");
        assertThat(LiveFields.status(start, end, start.minusSeconds(1))).isEqualTo("Planned");
        assertThat(LiveFields.status(start, end, start)).isEqualTo("Live");
        assertThat(LiveFields.status(start, end, end.minusSeconds(1))).isEqualTo("Live");
        assertThat(LiveFields.status(start, end, end)).isEqualTo("Ended");
    }

    @Test
    void resource_types_are_found_by_their_url_segment() {
        assertThat(ResourceType.fromPath("lives")).isEqualTo(ResourceType.LIVE);
        assertThat(ResourceType.fromPath("collections").code()).isEqualTo("collection");
        assertThat(ResourceType.FORUM.label()).isEqualTo("Forum");
        assertThat(ResourceType.CHANNEL.notificationType()).isEqualTo("MemberAddedOnChannel");
    }
}
