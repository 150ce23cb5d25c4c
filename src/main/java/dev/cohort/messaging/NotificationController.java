package dev.cohort.messaging;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Filtered;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The MeltingSpot notification endpoints of a member, and the same for the member holding a token. */
@RestController
@Tag(name = "Notifications")
class NotificationController {
    private static final String LIST_DOC = "Cursor list, newest first: before / after (notification ids), limit "
            + "(default 20, at most 100), types[in], isRead[eq]. Answers {items, hasMore}.";
    private static final String MARK_DOC = "Optional body {\"id\": {\"id[in]\": [ids]}}; without one (or without "
            + "id), every unread notification. Answers the notifications that this call marked as read.";
    private static final String IN = "id[in]";

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** {@code {"id": {"id[in]": [...]}}}: a name no record component can have, documented by NotificationDocument. */
    @Body
    @Schema(description = "Which notifications to mark as read; without id, every unread one")
    record MarkNotificationsAsRead(Map<String, List<UUID>> id) {
        MarkNotificationsAsRead {
            if (id != null) {
                List<FieldProblem> problems = new ArrayList<>();
                for (String field : id.keySet()) {
                    if (!field.equals(IN)) {
                        problems.add(new FieldProblem("id." + field, "unsupported; use " + IN));
                    }
                }
                if (id.get(IN) == null) {
                    problems.add(new FieldProblem("id." + IN, "is required"));
                }
                if (!problems.isEmpty()) {
                    throw new InvalidInputException(problems);
                }
            }
        }

        /** The ids to mark, or null for every unread notification. */
        List<UUID> ids() {
            return id == null ? null : id.get(IN);
        }
    }

    @GetMapping("/v1/spotMembers/{spotMemberId}/notifications")
    @Operation(operationId = "listMemberNotifications",
            summary = "List a member's notifications", description = LIST_DOC, parameters = @Parameter(
                    in = ParameterIn.QUERY, name = "limit", description = "Items per page",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100",
                            defaultValue = "20")))
    @Filtered(value = NotificationService.class, member = "LIST", paged = false)
    NotificationService.Page list(Caller caller, @PathVariable UUID spotMemberId,
                                  @RequestParam MultiValueMap<String, String> query) {
        return notifications.list(caller.spotId(), spotMemberId, query);
    }

    @PostMapping("/v1/spotMembers/{spotMemberId}/notifications~markAsRead")
    @Operation(operationId = "markMemberNotificationsAsRead",
            summary = "Mark a member's notifications as read", description = MARK_DOC)
    List<Notification> markAsRead(Caller caller, @PathVariable UUID spotMemberId,
                                  @RequestBody(required = false) MarkNotificationsAsRead body) {
        return notifications.markAsRead(caller.spotId(), spotMemberId, body == null ? null : body.ids());
    }

    @GetMapping("/v1/spotMembers/{spotMemberId}/notifications~unreadCount")
    @Operation(operationId = "countMemberUnreadNotifications", summary = "Count a member's unread notifications",
            description = "types[in] narrows the count. Answers {count, countByTypes: [{type, count}]}.")
    @Filtered(value = NotificationService.class, member = "COUNT", paged = false)
    NotificationService.UnreadCount unreadCount(Caller caller, @PathVariable UUID spotMemberId,
                                                @RequestParam MultiValueMap<String, String> query) {
        return notifications.unreadCount(caller.spotId(), spotMemberId, query);
    }

    @GetMapping("/v1/me/notifications")
    @Operation(operationId = "listMyNotifications",
            summary = "List my notifications (member token)", description = LIST_DOC, parameters = @Parameter(
                    in = ParameterIn.QUERY, name = "limit", description = "Items per page",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100",
                            defaultValue = "20")))
    @Filtered(value = NotificationService.class, member = "LIST", paged = false)
    NotificationService.Page myList(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return notifications.list(caller.spotId(), caller.memberId(), query);
    }

    @PostMapping("/v1/me/notifications~markAsRead")
    @Operation(operationId = "markMyNotificationsAsRead",
            summary = "Mark my notifications as read (member token)", description = MARK_DOC)
    List<Notification> myMarkAsRead(Caller caller, @RequestBody(required = false) MarkNotificationsAsRead body) {
        return notifications.markAsRead(caller.spotId(), caller.memberId(), body == null ? null : body.ids());
    }

    @GetMapping("/v1/me/notifications~unreadCount")
    @Operation(operationId = "countMyUnreadNotifications",
            summary = "Count my unread notifications (member token)", description = "types[in] narrows the count.")
    @Filtered(value = NotificationService.class, member = "COUNT", paged = false)
    NotificationService.UnreadCount myUnreadCount(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return notifications.unreadCount(caller.spotId(), caller.memberId(), query);
    }
}
