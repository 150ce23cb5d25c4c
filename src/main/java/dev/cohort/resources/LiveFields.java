package dev.cohort.resources;

import static dev.cohort.resources.ResourceRepository.setting;
import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.gt;
import static dev.cohort.web.Filters.Op.gte;
import static dev.cohort.web.Filters.Op.in;
import static dev.cohort.web.Filters.Op.lt;
import static dev.cohort.web.Filters.Op.lte;

import dev.cohort.members.MemberService;
import dev.cohort.web.Filters;
import dev.cohort.web.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Live object and body of the MeltingSpot API; the title is the resource's name. */
@Component
class LiveFields implements ResourceFields<LiveFields.LiveView> {
    // The values of the Live's enumerations, as the filters check them and the bodies and the object document them
    // (@Schema(allowableValues), checked against these by ResourceBodiesTest).
    static final List<String> SOLUTIONS = List.of("Youtube", "Vimeo", "BuiltIn", "NoSolution");
    static final List<String> BUILT_IN_TYPES = List.of("Workshop", "Conference");
    static final List<String> DISPLAY = List.of("Display", "Hidden");
    static final List<String> VISIBILITIES = List.of("AnyOne", "OnlySpotMembers", "InvitedMembersOnly");
    static final List<String> PARTICIPATIONS = List.of("AnySpotMembers", "InvitedMembersOnly");
    static final List<String> STATUSES = List.of("Ended", "Planned", "Live");
    static final String DEFAULT_DISPLAY = "Display";
    static final String DEFAULT_VISIBILITY = "OnlySpotMembers";
    static final String DEFAULT_PARTICIPATION = "AnySpotMembers";
    /** The last second of year 9999: the latest date a live takes. */
    static final long MAX_SECONDS = 253_402_300_799L;

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

    @Schema(name = "LivePrivacy")
    record Privacy(@Schema(allowableValues = {"AnyOne", "OnlySpotMembers", "InvitedMembersOnly"}) String visibility,
                   @Schema(allowableValues = {"AnySpotMembers", "InvitedMembersOnly"}) String participation) {
    }

    @Schema(name = "LiveConfig")
    record Config(@Schema(allowableValues = {"Display", "Hidden"}) String chatVisibility,
                  @Schema(allowableValues = {"Display", "Hidden"}) String participantsVisibility,
                  boolean record, boolean enableBreakoutRooms,
                  @Schema(types = {"string", "object"}, description = "A URL or an object")
                  @Nullable JsonNode videoUrl) {
    }

    /** MeltingSpot's metrics; Cohort measures none of them (all null). */
    @Schema(name = "LiveMetrics")
    record Metrics(@Nullable Integer averageViewTime, @Nullable Integer noShow, @Nullable Integer totalReplayView,
                   @Nullable Integer registrant, @Nullable Integer attendee, @Nullable Integer attendanceRate,
                   @Nullable Integer invited) {
    }

    /** The Live object; {@code description} as rich-text paragraphs, dates ISO 8601. */
    record LiveView(UUID id, String title,
                    @Schema(types = "array", description = "Rich-text paragraphs: [{\"type\": \"p\", \"children\": "
                            + "[{\"text\": ...}]}], one per line of the Markdown; [] when there is none")
                    JsonNode description,
                    @Schema(format = "date-time") String startDate, @Schema(format = "date-time") String endDate,
                    @Schema(allowableValues = {"Ended", "Planned", "Live"}) String status,
                    @Schema(allowableValues = {"Ended", "Planned", "Live"}) String computedStatus,
                    @Schema(allowableValues = {"Youtube", "Vimeo", "BuiltIn", "NoSolution"}) String solution,
                    @Schema(allowableValues = {"Workshop", "Conference"}) @Nullable String builtInType,
                    Privacy privacy, Config config, Metrics metrics, @Nullable UUID spotMemberHostId,
                    @Schema(format = "date-time") String createdAt, @Schema(format = "date-time") String updatedAt) {
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
    public String nameField() {
        return "title";
    }

    @Override
    public ObjectNode defaults() {
        ObjectNode defaults = JsonNodeFactory.instance.objectNode();
        defaults.putNull("description");
        defaults.putNull("builtInType");
        defaults.putNull("videoUrl");
        defaults.put("chatVisibility", DEFAULT_DISPLAY);
        defaults.put("participantsVisibility", DEFAULT_DISPLAY);
        defaults.put("visibility", DEFAULT_VISIBILITY);
        defaults.put("participation", DEFAULT_PARTICIPATION);
        defaults.put("record", false);
        defaults.put("enableBreakoutRooms", false);
        return defaults;
    }

    /**
     * The dates as Unix seconds and the description as Markdown, also when sent back as the Live object carries them
     * (ISO 8601, rich-text paragraphs); the video URL a string or an object; the host a member of the Spot.
     */
    @Override
    public void prepare(UUID spotId, ObjectNode fields, Problems problems) {
        seconds(fields, "startDate", problems);
        seconds(fields, "endDate", problems);
        JsonNode description = fields.get("description");
        if (description != null && description.isArray()) {
            String markdown = markdown(description);
            if (markdown == null && !description.isEmpty()) {
                problems.add("description", "must be Markdown text or rich-text paragraphs "
                        + "[{\"type\": \"p\", \"children\": [{\"text\": ...}]}]");
            } else {
                if (markdown == null) {
                    fields.putNull("description");
                } else {
                    fields.put("description", markdown);
                }
            }
        } else if (description != null && !description.isNull() && !description.isString()) {
            problems.add("description", "must be Markdown text or rich-text paragraphs");
        }
        JsonNode video = fields.get("videoUrl");
        if (video != null && !video.isNull() && !video.isString() && !video.isObject()) {
            problems.add("videoUrl", "must be a string, an object or null");
        }
        JsonNode host = fields.get("spotMemberHostId");
        if (host != null && members.existing(spotId, List.of(UUID.fromString(host.asString()))).isEmpty()) {
            problems.add("spotMemberHostId", "is not a member of this Spot");
        }
    }

    /** A date as Unix seconds: given so, or as the ISO 8601 date-time the Live object carries. */
    private static void seconds(ObjectNode fields, String field, Problems problems) {
        JsonNode value = fields.get(field);
        if (value == null) {
            return;
        }
        long seconds;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            seconds = value.longValue();
        } else if (value.isString()) {
            try {
                seconds = OffsetDateTime.parse(value.stringValue()).toEpochSecond();
            } catch (DateTimeParseException e) {
                problems.add(field, "must be Unix seconds or an ISO 8601 date-time");
                return;
            }
        } else {
            problems.add(field, "must be Unix seconds or an ISO 8601 date-time");
            return;
        }
        if (seconds < 0 || seconds > MAX_SECONDS) {
            problems.add(field, "must be between 0 and " + MAX_SECONDS);
            return;
        }
        fields.put(field, seconds);
    }

    /** Rich-text paragraphs back as Markdown, one line each ({@link #richText} reversed); null when malformed. */
    static String markdown(JsonNode paragraphs) {
        if (paragraphs.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode paragraph : paragraphs) {
            JsonNode children = paragraph.get("children");
            if (!paragraph.isObject() || children == null || !children.isArray()) {
                return null;
            }
            StringBuilder line = new StringBuilder();
            for (JsonNode child : children) {
                JsonNode text = child.get("text");
                if (!child.isObject() || text == null || !text.isString()) {
                    return null;
                }
                line.append(text.stringValue());
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
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
