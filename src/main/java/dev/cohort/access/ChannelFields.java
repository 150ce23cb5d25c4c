package dev.cohort.access;

import static dev.cohort.access.ResourceRepository.setting;
import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;

import dev.cohort.web.Filters;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The Channel object of the MeltingSpot API. */
@Component
class ChannelFields implements ResourceFields<ChannelFields.ChannelView> {
    static final List<String> PRIVACIES = List.of("Private", "Public");
    private static final Filters.Spec FILTERS = Filters.spec()
            .text("name", "r.name", eq, contains)
            .enumeration("privacy", setting("privacy"), PRIVACIES, eq);

    /** The Channel object, dates in Unix milliseconds. */
    record ChannelView(UUID id, String name, String emoji, String description, String privacy, boolean autoJoin,
                       boolean readonly, boolean showMembers, long createdAt, long updatedAt) {
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
    public String read(SettingsReader reader) {
        String name = reader.name("name");
        reader.text("description");
        reader.text("emoji");
        reader.flag("autoJoin", null);
        reader.flag("showMembers", null);
        reader.choice("privacy", PRIVACIES, null);
        reader.flag("readonly", false);
        return name;
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
