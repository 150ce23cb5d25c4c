package dev.cohort.joining;

import dev.cohort.messaging.NotificationRows;
import dev.cohort.messaging.OutboxRows;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What members are told of their join requests and invitations, in the deciding transaction and one statement per
 * batch, through messaging's own fragments: an in-app notice and an email through the outbox (approved or
 * rejected), or an invitation email whose link carries its token.
 */
@Repository
class JoinNotices {
    private final JdbcClient jdbc;

    JoinNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tells each member of {@code requests} (same order as {@code memberIds}) that their request was decided. */
    void decided(UUID spotId, UUID groupId, List<UUID> requestIds, List<UUID> memberIds, boolean approved,
                 @Nullable String reason, @Nullable String link) {
        if (requestIds.isEmpty()) {
            return;
        }
        jdbc.sql("with decided as (select x.member_id, x.request_id, g.id as group_id, g.name, "
                        + "cast(:type as text) as type, cast(:reason as text) as reason, "
                        + "cast(:template as text) as template, cast(null as text) as to_email, "
                        + "cast(:link as text) as link, cast(:reason as text) as note "
                        + "from unnest(cast(:members as uuid[]), cast(:requests as uuid[])) as x(member_id, request_id) "
                        + "join member_group g on g.spot_id = :spot and g.id = :group), "
                        + "notified as (" + NotificationRows.groupNotices("decided") + "), "
                        + "mailed as (" + OutboxRows.groupEmails("decided") + ") "
                        + "select count(*) from mailed")
                .param("spot", spotId).param("group", groupId)
                .param("members", memberIds.toArray(UUID[]::new)).param("requests", requestIds.toArray(UUID[]::new))
                .param("type", approved ? NotificationRows.JOIN_REQUEST_APPROVED : NotificationRows.JOIN_REQUEST_REJECTED)
                .param("template", approved ? OutboxRows.JOIN_REQUEST_APPROVED : OutboxRows.JOIN_REQUEST_REJECTED)
                .param("reason", reason).param("link", approved ? link : null)
                .query(Long.class).single();
    }

    /** An invitation email, to a member (their own address) or to an address that is no member's. */
    record Invited(@Nullable UUID memberId, String email, String link) {
    }

    /** Queues the invitation emails; returns how many. */
    long invited(UUID spotId, UUID groupId, List<Invited> invitations) {
        if (invitations.isEmpty()) {
            return 0;
        }
        return jdbc.sql("with invited as (select x.member_id, case when x.member_id is null then x.email end "
                        + "as to_email, cast(:group as uuid) as group_id, x.link, cast(:template as text) as template, "
                        + "cast(null as text) as note from unnest(cast(:members as uuid[]), cast(:emails as text[]), "
                        + "cast(:links as text[])) as x(member_id, email, link)), "
                        + "mailed as (" + OutboxRows.groupEmails("invited") + ") "
                        + "select count(*) from mailed")
                .param("spot", spotId).param("group", groupId)
                .param("members", invitations.stream().map(Invited::memberId).toArray(UUID[]::new))
                .param("emails", invitations.stream().map(Invited::email).toArray(String[]::new))
                .param("links", invitations.stream().map(Invited::link).toArray(String[]::new))
                .param("template", OutboxRows.GROUP_INVITATION)
                .query(Long.class).single();
    }
}
