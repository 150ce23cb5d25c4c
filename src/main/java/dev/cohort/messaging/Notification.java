package dev.cohort.messaging;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An in-app notification as MeltingSpot shows it: {@code userId} is the member, {@code logId} the notification. */
record Notification(UUID id, UUID userId, UUID logId, boolean isRead, Instant createdAt, Log log) {

    /** What happened: the type and its JSON body. */
    @Schema(name = "NotificationLog")
    record Log(UUID id, UUID spotId, String type,
               @Schema(types = "object", description = "What happened, as a JSON object (for an invitation: "
                       + "resourceId, resourceName, ...)") @JsonRawValue String body) {
    }

    /** The notification types of the MeltingSpot API, and Cohort's own. */
    static final List<String> TYPES = List.of("AskJoinPrivateSpot", "ChannelMessageMention", "ChannelMessageReported",
            "CourseGeneratedFailed", "CourseGeneratedSuccess", "CourseGenerationPending", "CourseParticipantInvited",
            "DiscussionMessageReported", "DocumentMention", "HubspotConnectionLost", "LearningPathParticipantInvited",
            "LiveMention", "LiveMessageMention", "LiveMessageReported", "LiveParticipantInvited", "LiveStarted",
            "MemberAddedOnChannel", "MemberAddedToForum", "MemberAddedToCollection", "MessageReplied",
            "NewDirectMessage", "NewMessage", "ReportStatusUpdated", "SmtpServerConnectionFailed",
            "SpotMemberRoleUpdated", "SpotMention", "TopicAnswerReported", "TopicCreated", "TopicMention",
            "TopicMessageCreated", "TopicMessageMention", "TopicReported", "UserInvitedToSpot",
            "UserJoinedPublicSpot",
            // Cohort's (issue 16): a member's join request to a community group decided; content reported in a
            // community group, for its moderators and above.
            NotificationRows.JOIN_REQUEST_APPROVED, NotificationRows.JOIN_REQUEST_REJECTED,
            NotificationRows.GROUP_CONTENT_REPORTED);
}
