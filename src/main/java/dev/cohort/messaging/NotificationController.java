package dev.cohort.messaging;

import dev.cohort.errors.InvalidInputException;
import dev.cohort.spots.Caller;
import dev.cohort.web.Ids;
import dev.cohort.web.JsonBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The MeltingSpot notification endpoints of a member, and the same for the member holding a token. */
@RestController
@Tag(name = "Notifications")
class NotificationController {
    private static final String LIST_DOC = "Cursor list, newest first: before / after (notification ids), limit "
            + "(default 20, at most 100), types[in], isRead[eq]. Answers {items, hasMore}.";
    private static final String MARK_DOC = "Optional body {\"id\": {\"id[in]\": [ids]}}; without one, every unread "
            + "notification. Answers the notifications that this call marked as read.";

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/v1/spotMembers/{spotMemberId}/notifications")
    @Operation(operationId = "listMemberNotifications",
            summary = "List a member's notifications", description = LIST_DOC)
    NotificationService.Page list(Caller caller, @PathVariable UUID spotMemberId,
                                  @RequestParam MultiValueMap<String, String> query) {
        return notifications.list(caller.spotId(), spotMemberId, query);
    }

    @PostMapping("/v1/spotMembers/{spotMemberId}/notifications~markAsRead")
    @Operation(operationId = "markMemberNotificationsAsRead",
            summary = "Mark a member's notifications as read", description = MARK_DOC)
    List<Notification> markAsRead(Caller caller, @PathVariable UUID spotMemberId,
                                  @RequestBody(required = false) JsonNode body) {
        return notifications.markAsRead(caller.spotId(), spotMemberId, ids(body));
    }

    @GetMapping("/v1/spotMembers/{spotMemberId}/notifications~unreadCount")
    @Operation(operationId = "countMemberUnreadNotifications", summary = "Count a member's unread notifications",
            description = "types[in] narrows the count. Answers {count, countByTypes: [{type, count}]}.")
    NotificationService.UnreadCount unreadCount(Caller caller, @PathVariable UUID spotMemberId,
                                                @RequestParam MultiValueMap<String, String> query) {
        return notifications.unreadCount(caller.spotId(), spotMemberId, query);
    }

    @GetMapping("/v1/me/notifications")
    @Operation(operationId = "listMyNotifications",
            summary = "List my notifications (member token)", description = LIST_DOC)
    NotificationService.Page myList(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return notifications.list(caller.spotId(), caller.memberId(), query);
    }

    @PostMapping("/v1/me/notifications~markAsRead")
    @Operation(operationId = "markMyNotificationsAsRead",
            summary = "Mark my notifications as read (member token)", description = MARK_DOC)
    List<Notification> myMarkAsRead(Caller caller, @RequestBody(required = false) JsonNode body) {
        return notifications.markAsRead(caller.spotId(), caller.memberId(), ids(body));
    }

    @GetMapping("/v1/me/notifications~unreadCount")
    @Operation(operationId = "countMyUnreadNotifications",
            summary = "Count my unread notifications (member token)", description = "types[in] narrows the count.")
    NotificationService.UnreadCount myUnreadCount(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return notifications.unreadCount(caller.spotId(), caller.memberId(), query);
    }

    /** The ids of {@code {"id": {"id[in]": [...]}}}, or null (every notification) for no body or no filter. */
    static List<UUID> ids(JsonNode body) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return null;
        }
        JsonBody json = JsonBody.of(body);
        for (String field : body.propertyNames()) {
            if (!field.equals("id")) {
                json.problem(field, "unknown filter; markAsRead filters on id only: {\"id\": {\"id[in]\": [...]}}");
            }
        }
        JsonNode filter = body.get("id");
        if (filter == null || filter.isNull()) {
            json.validate();
            return null;
        }
        if (!filter.isObject()) {
            throw new InvalidInputException("id", "must be an object such as {\"id[in]\": [...]}");
        }
        JsonBody nested = json.nested(filter, "id");
        for (String field : filter.propertyNames()) {
            if (!field.equals("id[in]")) {
                nested.problem(field, "unsupported; use id[in]");
            }
        }
        List<String> texts = nested.textList("id[in]", true);
        List<UUID> ids = new ArrayList<>();
        if (texts != null) {
            for (int i = 0; i < texts.size(); i++) {
                UUID id = Ids.parse(texts.get(i));
                if (id == null) {
                    nested.problem("id[in][" + i + "]", "must be a notification id");
                }
                ids.add(id);
            }
        }
        json.validate();
        return ids;
    }
}
