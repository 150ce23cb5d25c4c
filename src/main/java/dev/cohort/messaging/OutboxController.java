package dev.cohort.messaging;

import dev.cohort.spots.Caller;
import dev.cohort.web.Filtered;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Cohort's view of a Spot's email outbox: what was sent, what waits for a retry, what gave up. */
@RestController
@Tag(name = "Outbox")
class OutboxController {
    private static final Filters.Spec FILTERS = Filters.spec()
            .enumeration("status", "o.status", List.of("pending", "sent", "dead"), Filters.Op.eq, Filters.Op.in)
            .uuid("spotMemberId", "o.member_id", Filters.Op.eq);

    private final OutboxRepository outbox;

    OutboxController(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/v1/outbox")
    @Operation(operationId = "listOutboxEmails", summary = "List the Spot's outgoing emails, newest first",
            description = "Filters: status[eq|in] (pending, sent, dead), spotMemberId[eq]; page, limit.")
    @Filtered(OutboxController.class)
    ListPage<OutboxRepository.Row> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        ListQuery list = ListQuery.read(query, FILTERS);
        return outbox.page(caller.spotId(), list.where(), list.params(), list.paging());
    }
}
