package dev.cohort.messaging;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.web.Filters;
import dev.cohort.web.Ids;
import dev.cohort.web.ListQuery;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/** A member's in-app notifications: the cursor list, marking as read, unread counts. */
@Service
class NotificationService {
    private static final Filters.Spec LIST = Filters.spec()
            .enumeration("types", "n.type", Notification.TYPES, Filters.Op.in)
            .enumeration("isRead", "n.is_read::text", List.of("true", "false"), Filters.Op.eq)
            .plain("before", "after")
            .describe("before", "A notification id: the page holds the notifications older than it")
            .describe("after", "A notification id: the page holds the notifications newer than it");
    private static final Filters.Spec COUNT = Filters.spec()
            .enumeration("types", "n.type", Notification.TYPES, Filters.Op.in);

    private final NotificationRepository notifications;

    NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** One page of a cursor list, newest first, and whether more lie beyond it. */
    @Schema(name = "NotificationPage")
    record Page(List<Notification> items, boolean hasMore) {
    }

    Page list(UUID spotId, UUID memberId, MultiValueMap<String, String> query) {
        ListQuery list = ListQuery.read(query, LIST);
        requireMember(spotId, memberId);
        List<FieldProblem> problems = new ArrayList<>();
        Long before = cursor(spotId, memberId, query, "before", problems);
        Long after = cursor(spotId, memberId, query, "after", problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.inQuery(problems);
        }
        int limit = list.paging().limit();
        List<Notification> rows = notifications.page(spotId, memberId, list.where(), list.params(), before, after,
                limit + 1);
        if (rows.size() <= limit) {
            return new Page(rows, false);
        }
        // One row more than asked was read to know whether more follow; drop it from the far end of the walk.
        boolean forward = after != null && before == null;
        return new Page(forward ? rows.subList(1, rows.size()) : rows.subList(0, limit), true);
    }

    List<Notification> markAsRead(UUID spotId, UUID memberId, List<UUID> ids) {
        requireMember(spotId, memberId);
        return notifications.markAsRead(spotId, memberId, ids == null ? null : ids.toArray(UUID[]::new));
    }

    /** The unread total and the per-type counts (types with none are left out). */
    @Schema(name = "UnreadNotificationCount")
    record UnreadCount(long count, List<NotificationRepository.TypeCount> countByTypes) {
    }

    UnreadCount unreadCount(UUID spotId, UUID memberId, MultiValueMap<String, String> query) {
        ListQuery list = ListQuery.read(query, COUNT);
        requireMember(spotId, memberId);
        List<NotificationRepository.TypeCount> counts =
                notifications.unreadByType(spotId, memberId, list.where(), list.params());
        return new UnreadCount(counts.stream().mapToLong(NotificationRepository.TypeCount::count).sum(), counts);
    }

    private void requireMember(UUID spotId, UUID memberId) {
        if (!notifications.memberExists(spotId, memberId)) {
            throw new NotFoundException("Spot member");
        }
    }

    private Long cursor(UUID spotId, UUID memberId, MultiValueMap<String, String> query, String name,
                        List<FieldProblem> problems) {
        String raw = query.getFirst(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        UUID id = Ids.parse(raw.trim());
        if (id == null) {
            problems.add(new FieldProblem(name, "must be a notification id"));
            return null;
        }
        Long seq = notifications.seq(spotId, memberId, id).orElse(null);
        if (seq == null) {
            problems.add(new FieldProblem(name, "is not a notification of this member"));
        }
        return seq;
    }
}
