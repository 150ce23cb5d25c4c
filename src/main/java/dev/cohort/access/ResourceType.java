package dev.cohort.access;

import java.util.Arrays;
import java.util.Optional;

/** The five kinds of content groups unlock, with their URL segment and the notification an invitation creates. */
public enum ResourceType {
    LIVE("live", "lives", "LiveParticipantInvited"),
    COURSE("course", "courses", "CourseParticipantInvited"),
    CHANNEL("channel", "channels", "MemberAddedOnChannel"),
    FORUM("forum", "forums", "MemberAddedToForum"),
    COLLECTION("collection", "collections", "MemberAddedToCollection");

    private final String code;
    private final String path;
    private final String notificationType;

    ResourceType(String code, String path, String notificationType) {
        this.code = code;
        this.path = path;
        this.notificationType = notificationType;
    }

    public String code() {
        return code;
    }

    public String path() {
        return path;
    }

    public String notificationType() {
        return notificationType;
    }

    public static ResourceType fromPath(String path) {
        return Arrays.stream(values()).filter(t -> t.path.equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown resource path " + path));
    }

    public static Optional<ResourceType> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
