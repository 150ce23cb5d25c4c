package dev.cohort.access;

import static dev.cohort.access.ResourceRepository.setting;
import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.gt;
import static dev.cohort.web.Filters.Op.gte;
import static dev.cohort.web.Filters.Op.in;
import static dev.cohort.web.Filters.Op.lt;
import static dev.cohort.web.Filters.Op.lte;

import dev.cohort.members.MemberService;
import dev.cohort.web.Filters;
import dev.cohort.web.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The Live object and body of the MeltingSpot API; the title is the resource's name. */
@Component
class LiveFields implements ResourceFields<LiveFields.LiveView> {
    static final List<String> SOLUTIONS = List.of("Youtube", "Vimeo", "BuiltIn", "NoSolution");
    static final List<String> BUILT_IN_TYPES = List.of("Workshop", "Conference");
    static final List<String> DISPLAY = List.of("Display", "Hidden");
    static final List<String> VISIBILITIES = List.of("AnyOne", "OnlySpotMembers", "InvitedMembersOnly");
    static final List<String> PARTICIPATIONS = List.of("AnySpotMembers", "InvitedMembersOnly");
    static final List<String> STATUSES = List.of("Ended", "Planned", "Live");

    private static final String START = "to_timestamp(" + setting("startDate") + "::bigint)";
    private static final String END = "to_timestamp(" + setting("endDate") + "::bigint)";
    /** The status of a live from its dates, as the list filters it; {@link #status} computes the same in Java. */
    private static final String STATUS = "(case when now() < " + START + " then 'Planned' when now() >= " + END
            + " then 'Ended' else 'Live' end)";
    private static final Filters.Spec FILTERS = Filters.spec()
            .text("title", "r.name", eq, contains)
            .enumeration("status", STATUS, STATUSES, eq)
            .timestamp("startDate", START, lt, lte, gt, gte, eq)
            .enumeration("solution", setting("solution"), SOLUTIONS, in, eq)
            .enumeration("builtInType", setting("builtInType"), BUILT_IN_TYPES, in, eq);

    private final MemberService members;
    private final Clock clock;

    LiveFields(MemberService members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    record Privacy(String visibility, String participation) {
    }

    record Config(String chatVisibility, String participantsVisibility, boolean record, boolean enableBreakoutRooms,
                  JsonNode videoUrl) {
    }

    record Metrics(Integer averageViewTime, Integer noShow, Integer totalReplayView, Integer registrant,
                   Integer attendee, Integer attendanceRate, Integer invited) {
    }

    /** The Live object; {@code description} as rich-text paragraphs, dates ISO 8601. */
    record LiveView(UUID id, String title, JsonNode description, String startDate, String endDate, String status,
                    String computedStatus, String solution, String builtInType, Privacy privacy, Config config,
                    Metrics metrics, UUID spotMemberHostId, String createdAt, String updatedAt) {
    }

    @Override
    public ResourceType type() {
        return ResourceType.LIVE;
    }

    @Override
    public Filters.Spec filters() {
        return FILTERS;
    }

    @Override
    public String read(SettingsReader reader) {
        String title = reader.name("title");
        reader.text("description");
        reader.text("spotMemberHostId");
        reader.timestamp("startDate");
        reader.timestamp("endDate");
        reader.choice("solution", SOLUTIONS, null);
        reader.nullableChoice("builtInType", BUILT_IN_TYPES);
        reader.stringOrObject("videoUrl");
        reader.choice("chatVisibility", DISPLAY, "Display");
        reader.choice("participantsVisibility", DISPLAY, "Display");
        reader.choice("visibility", VISIBILITIES, "OnlySpotMembers");
        reader.choice("participation", PARTICIPATIONS, "AnySpotMembers");
        reader.flag("record", false);
        reader.flag("enableBreakoutRooms", false);
        return title;
    }

    /** The host must be a member of the Spot (required on creation, not null on update). */
    @Override
    public void verify(UUID spotId, SettingsReader reader) {
        JsonNode host = reader.json().node().get("spotMemberHostId");
        if (host == null || host.isNull()) {
            if (reader.creating() || host != null) {
                reader.json().problem("spotMemberHostId", reader.creating() ? "is required" : "must not be null");
            }
            return;
        }
        if (!host.isString()) {
            return; // reported by the reader
        }
        UUID id = Ids.parse(host.asString());
        if (id == null) {
            reader.json().problem("spotMemberHostId", "must be a UUID");
        } else if (members.existing(spotId, List.of(id)).isEmpty()) {
            reader.json().problem("spotMemberHostId", "is not a member of this Spot");
        }
    }

    @Override
    public LiveView view(Resource live) {
        JsonNode s = live.settings();
        Instant start = Instant.ofEpochSecond(s.path("startDate").asLong());
        Instant end = Instant.ofEpochSecond(s.path("endDate").asLong());
        String status = status(start, end, clock.instant());
        String host = live.setting("spotMemberHostId");
        return new LiveView(live.id(), live.name(), richText(live.setting("description")), start.toString(),
                end.toString(), status, status, live.setting("solution"), live.setting("builtInType"),
                new Privacy(live.setting("visibility"), live.setting("participation")),
                new Config(live.setting("chatVisibility"), live.setting("participantsVisibility"),
                        s.path("record").asBoolean(false), s.path("enableBreakoutRooms").asBoolean(false),
                        s.path("videoUrl").isMissingNode() ? null : s.get("videoUrl")),
                new Metrics(null, null, null, null, null, null, null),
                host == null ? null : UUID.fromString(host), live.createdAt().toString(), live.updatedAt().toString());
    }

    /** Planned before the start, Ended from the end on, Live in between. */
    static String status(Instant start, Instant end, Instant now) {
        if (now.isBefore(start)) {
            return "Planned";
        }
        return now.isBefore(end) ? "Live" : "Ended";
    }

    /** Markdown text as MeltingSpot's rich-text nodes: one paragraph per line; no description is an empty list. */
    static ArrayNode richText(String markdown) {
        ArrayNode nodes = JsonNodeFactory.instance.arrayNode();
        if (markdown == null) {
            return nodes;
        }
        for (String line : markdown.split("\\R", -1)) {
            ArrayNode children = JsonNodeFactory.instance.arrayNode();
            children.addObject().put("text", line);
            nodes.addObject().put("type", "p").set("children", children);
        }
        return nodes;
    }
}
