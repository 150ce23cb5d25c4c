package dev.cohort.access;

import dev.cohort.messaging.NotificationRows;
import dev.cohort.messaging.OutboxRows;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Gives and takes away sources of participation in one statement per change, whatever the number of members:
 * participants, their in-app notifications and their invitation emails (outbox) are written together, so that a
 * group of 100,000 linked to a resource is one statement's work and nothing is half done. The notification and
 * outbox rows are messaging's: its {@link NotificationRows} and {@link OutboxRows} fragments write them.
 */
@Repository
class GrantRepository {
    private final JdbcClient jdbc;

    GrantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What a grant did: participants created or re-enrolled (invited now), how many of those were sent an email,
     * the members who were re-enrolled from {@code Unenrolled}, and the Pending members newly made participants of
     * a live, whom the Spot accepts (rule 7: {@link Grants} has members do it).
     */
    record Granted(int invited, int emailed, List<UUID> reenrolled, List<UUID> pendingInvitedToLive) {
    }

    /** {@code column} set to {@code value} on a row being re-enrolled (it was Unenrolled), kept otherwise. */
    private static String onReenrol(String column, String value) {
        return column + " = case when :reenrol and p.status = 'Unenrolled' then " + value + " else p." + column
                + " end";
    }

    private static final String REENROL = String.join(", ", onReenrol("status", "'Invited'"),
            onReenrol("invited_at", "now()"), onReenrol("invited_by", "excluded.invited_by"),
            onReenrol("started_at", "null"), onReenrol("completed_at", "null"), onReenrol("unenrolled_at", "null"),
            onReenrol("invite_pending", "excluded.invite_pending"), onReenrol("invite_email", "excluded.invite_email"));

    /**
     * Adds {@code source} to each pair. Pairs that were not participants yet become participants, get a
     * notification when {@code invite} is set, and an email when their pair's switch is on as well; a Pending
     * member newly invited to a live is returned, to be accepted into the Spot (rule 7). Existing participants only gain the
     * source: no second notification or email (rule 12). With {@code reenrol}, an {@code Unenrolled} course
     * participant is invited afresh (status Invited, earlier dates cleared) and notified like a new one (rule 14).
     * On a Draft course nothing is sent: the invitation is kept pending until {@link #sendPending} (publication).
     */
    Granted grant(UUID spotId, Pairs pairs, Source source, boolean invite, UUID invitedBy, boolean reenrol) {
        String sql = "with pairs as (" + pairs.sql() + "), "
                + "targets as materialized (select x.resource_id, x.member_id, x.with_email, r.type, r.name, "
                + "  (r.type = 'course' and coalesce(r.settings->>'status' = 'Draft', false)) as draft "
                + "  from pairs x join resource r on r.spot_id = :spot and r.id = x.resource_id), "
                + "rejoining as materialized (select p.resource_id, p.member_id from participant p join targets t "
                + "  on p.spot_id = :spot and p.resource_id = t.resource_id and p.member_id = t.member_id "
                + "  where :reenrol and p.status = 'Unenrolled'), "
                + "granted as (insert into participant as p (spot_id, resource_id, member_id, id, status, "
                + source.column + ", invited_at, invited_by, invite_pending, invite_email) "
                + "  select :spot, t.resource_id, t.member_id, uuid_v7(), "
                + "  case when t.type in ('live', 'course') then 'Invited' else 'Member' end, " + source.initial
                + ", now(), cast(:invitedBy as uuid), :invite and t.draft, :invite and t.draft and t.with_email "
                + "  from targets t order by t.resource_id, t.member_id "
                + "  on conflict (spot_id, resource_id, member_id) do update set " + source.add + ", " + REENROL
                + "  returning p.resource_id, p.member_id, (xmax = 0) as created), "
                + "fresh as materialized (select t.* from granted g join targets t "
                + "  on t.resource_id = g.resource_id and t.member_id = g.member_id where g.created or exists "
                + "  (select 1 from rejoining j where j.resource_id = g.resource_id and j.member_id = g.member_id)), "
                + "notified as (" + NotificationRows.invitations("(select * from fresh where :invite and not draft)")
                + "), mailed as ("
                + OutboxRows.invitations("(select * from fresh where :invite and with_email and not draft)") + "), "
                + "pending_live as (select distinct f.member_id from fresh f join member m "
                + "  on m.spot_id = :spot and m.id = f.member_id where f.type = 'live' and m.status = 'Pending') "
                + "select (select count(*) from fresh) as invited, (select count(*) from mailed) as emailed, "
                + "  array(select member_id from rejoining) as reenrolled, "
                + "  array(select member_id from pending_live) as pending_live";
        return jdbc.sql(sql).params(pairs.params()).param("spot", spotId).param("invite", invite)
                .param("invitedBy", invitedBy).param("reenrol", reenrol)
                .query((rs, n) -> new Granted(rs.getInt("invited"), rs.getInt("emailed"),
                        List.of((UUID[]) rs.getArray("reenrolled").getArray()),
                        List.of((UUID[]) rs.getArray("pending_live").getArray()))).single();
    }

    /**
     * Sends the invitations held back while the course was a Draft: one notification per pending participant and
     * an email for those whose invitation had the switch on, then clears the flags, in one statement.
     *
     * @return how many participants were notified
     */
    int sendPending(UUID spotId, UUID resourceId) {
        String sql = "with pending as materialized (select p.member_id, p.invite_email, r.type, r.name, "
                + "  r.id as resource_id "
                + "  from participant p join resource r on r.spot_id = p.spot_id and r.id = p.resource_id "
                + "  where p.spot_id = :spot and p.resource_id = :resource and p.invite_pending), "
                + "cleared as (update participant p set invite_pending = false, invite_email = false from pending f "
                + "  where p.spot_id = :spot and p.resource_id = :resource and p.member_id = f.member_id), "
                + "notified as (" + NotificationRows.invitations("pending") + "), "
                + "mailed as (" + OutboxRows.invitations("(select * from pending where invite_email)") + ") "
                + "select count(*) from pending";
        return jdbc.sql(sql).param("spot", spotId).param("resource", resourceId).query(Integer.class).single();
    }

    /**
     * The statement that takes a source away from each pair: rows holding only that source are deleted, the others
     * lose it. Both read the row itself (re-checked on the newest version when a concurrent transaction changed it);
     * the update reads only the pairs the delete did not take, so each row is changed once and a revocation that
     * deletes every pair (an expiry, a group leaving) reads each participant once. An {@code Unenrolled} course
     * participant is never deleted: it stays listed with its completion data (rule 14); the follow-up
     * {@link #REMOVE_SOURCELESS} removes the other rows the update left without a source.
     */
    static String revokeSql(Pairs pairs, Source source) {
        String match = "p.spot_id = :spot and p.resource_id = x.resource_id and p.member_id = x.member_id";
        return "with pairs as materialized (" + pairs.sql() + "), "
                + "gone as (delete from participant p using pairs x where " + match + " and " + source.onlySource
                + "  and p.status <> 'Unenrolled' returning p.resource_id, p.member_id), "
                // The pairs the delete did not take (the statement's CTEs share one snapshot, so an update of the
                // same pairs would visit the deleted rows again): usually none, and then no participant is read.
                + "rest as materialized (select * from pairs y where not exists (select 1 from gone g "
                + "where g.resource_id = y.resource_id and g.member_id = y.member_id)), "
                + "kept as (update participant p set " + source.remove + " from rest x where " + match + " and "
                + source.held + " returning 1) "
                + "select (select count(*) from gone) as gone, (select count(*) from kept) as kept";
    }

    /** Participants left with no source at all; only this transaction's own revocations can leave such rows. */
    private static final String REMOVE_SOURCELESS = "delete from participant p where p.spot_id = :spot "
            + "and p.group_sources = 0 and not p.direct and not p.self_enrolled and p.status <> 'Unenrolled'";

    /** What a revocation did: sources removed, and participants who lost their last source and were removed. */
    record Revoked(int sourcesRemoved, int participantsRemoved) {
    }

    /**
     * The first statement of a revocation: locks every participant of the pairs in one fixed order (key order, as
     * grants insert them: two changes over overlapping participants, such as two groups linked to the same resource,
     * would otherwise lock in plan order and could deadlock), and deletes those that held only {@code source},
     * found again by their row address, without a second join. A row a concurrent transaction changed before it
     * was locked is locked in its newest version, which this statement's snapshot does not see: the delete skips
     * it, and {@link #revoke} leaves it, like the rows keeping another source, to {@link #revokeSql}.
     */
    static String lockAndDeleteSql(Pairs pairs, Source source) {
        return "with pairs as materialized (" + pairs.sql() + "), "
                + "locked as materialized (select p.ctid as row_address, (" + source.onlySource
                + " and p.status <> 'Unenrolled') as sole from participant p join pairs x on p.spot_id = :spot "
                + "and p.resource_id = x.resource_id and p.member_id = x.member_id "
                + "order by p.resource_id, p.member_id for no key update of p), "
                + "gone as (delete from participant p where p.ctid = any(array(select row_address from locked "
                + "where sole)) returning 1) "
                + "select (select count(*) from locked) as locked, (select count(*) from gone) as gone";
    }

    /**
     * Takes {@code source} away from each pair; participants left with no source are removed, the others keep
     * their row. A revocation that deletes every pair it locks (an expiry, a group leaving, a direct invitation
     * withdrawn) is one statement; the rest go through a second one, once every row is locked.
     */
    Revoked revoke(UUID spotId, Pairs pairs, Source source) {
        long[] first = jdbc.sql(lockAndDeleteSql(pairs, source)).params(pairs.params()).param("spot", spotId)
                .query((rs, n) -> new long[] {rs.getLong("locked"), rs.getLong("gone")}).single();
        int gone = (int) first[1];
        if (first[0] == first[1]) {
            return new Revoked(gone, gone);
        }
        Revoked rest = jdbc.sql(revokeSql(pairs, source)).params(pairs.params()).param("spot", spotId)
                .query((rs, n) -> new Revoked(rs.getInt("gone") + rs.getInt("kept"), rs.getInt("gone"))).single();
        int sourceless = jdbc.sql(REMOVE_SOURCELESS).param("spot", spotId).update();
        return new Revoked(gone + rest.sourcesRemoved(), gone + rest.participantsRemoved() + sourceless);
    }
}
