package dev.cohort.resources;

import dev.cohort.errors.NotFoundException;

/** The five kinds of resource: their database code, URL segment and the notification an invitation sends. */
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

    /** The value of {@code resource.type}. */
    public String code() {
        return code;
    }

    /** The URL segment after {@code /v1/}. */
    public String path() {
        return path;
    }

    public String notificationType() {
        return notificationType;
    }

    /** "Live", "Course", ...: how a missing one is named in a 404. */
    public String label() {
        return Character.toUpperCase(code.charAt(0)) + code.substring(1);
    }

    /** The type whose URL segment is {@code path}; a 404 for any other segment. */
    public static ResourceType fromPath(String path) {
        for (ResourceType type : values()) {
            if (type.path.equals(path)) {
                return type;
            }
        }
        throw new NotFoundException("Resource type '" + path + "'");
    }

    static ResourceType fromCode(String code) {
        for (ResourceType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalStateException("Unknown resource type in the database: " + code);
    }
}
