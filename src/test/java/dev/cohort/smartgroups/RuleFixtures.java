package dev.cohort.smartgroups;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A Spot's vocabulary, rules and members for the unit tests of the rule language (no Spring, no database). */
final class RuleFixtures {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final UUID VIP = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID COACH = UUID.fromString("00000000-0000-0000-0000-0000000000c0");
    static final UUID PLAN = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    static final UUID SEATS = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    static final RuleContext CONTEXT = new RuleContext(Map.of(VIP, "vip"), Map.of("vip", VIP),
            Map.of("plan", new RuleContext.Property(PLAN, "SingleSelect", List.of("Free", "Pro")),
                    "seats", new RuleContext.Property(SEATS, "Number", List.of())),
            Set.of(COACH));

    private RuleFixtures() {
    }

    static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static Rule parse(String text) {
        return RuleParser.parse(json(text), "rule", CONTEXT);
    }

    /** An accepted member with the given email, tags and property values; no dates unless given. */
    static MemberFacts member(String email, Set<UUID> tags, Map<String, MemberFacts.Value> values,
                              Instant registered) {
        Map<UUID, String> named = new HashMap<>();
        tags.forEach(id -> named.put(id, CONTEXT.tags().getOrDefault(id, "")));
        return new MemberFacts(UUID.randomUUID(), "Member", null, "Accepted", email, "google", registered, null,
                null, named, values);
    }
}
