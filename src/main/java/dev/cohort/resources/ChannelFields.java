package dev.cohort.resources;

import static dev.cohort.resources.ResourceRepository.setting;
import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;

import dev.cohort.web.Filters;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The Channel object of the MeltingSpot API. */
@Component
class ChannelFields implements ResourceFields<ChannelFields.ChannelView> {
    static final List<String> PRIVACIES = List.of("Private", "Public");
    private static final Filters.Spec FILTERS = Filters.spec()
            .text("name", "r.name", eq, contains)
            .enumeration("privacy", setting("privacy"), PRIVACIES, eq);

    /** The Channel object, dates in Unix milliseconds. */
    record ChannelView(UUID id, String name, @Nullable String emoji, @Nullable String description,
                       @Schema(allowableValues = {"Private", "Public"}) String privacy, boolean autoJoin,
                       boolean readonly, boolean showMembers,
                       @Schema(description = "Unix milliseconds") long createdAt,
                       @Schema(description = "Unix milliseconds") long updatedAt) {
    }

    @Override
    public ResourceType type() {
        return ResourceType.CHANNEL;
    }

    @Override
    public Filters.Spec filters() {
        return FILTERS;
    }

    @Override
    public String nameField() {
        return "name";
    }

    /** autoJoin, showMembers and privacy have none: they are required. */
    @Override
    public ObjectNode defaults() {
        ObjectNode defaults = JsonNodeFactory.instance.objectNode();
        defaults.putNull("description");
        defaults.putNull("emoji");
        defaults.put("readonly", false);
        return defaults;
    }

    @Override
    public ChannelView view(Resource channel) {
        return new ChannelView(channel.id(), channel.name(), channel.setting("emoji"), channel.setting("description"),
                channel.setting("privacy"), channel.settings().path("autoJoin").asBoolean(false),
                channel.settings().path("readonly").asBoolean(false),
                channel.settings().path("showMembers").asBoolean(false),
                channel.createdAt().toEpochMilli(), channel.updatedAt().toEpochMilli());
    }
}
