package dev.cohort.joining;

import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of email invitations ({@code group_invitation}): tokens are stored as their SHA-256 only. */
@Repository
class InvitationRepository {
    private static final String COLUMNS = "i.id, i.group_id, i.email, (select m.id from member m where m.spot_id = "
            + "i.spot_id and lower(m.email) = lower(i.email)) as member_id, i.bypass_approval, i.invited_by, "
            + "i.created_at, i.accepted_at, i.accepted_by";

    private final JdbcClient jdbc;

    InvitationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An invitation as its token finds it. */
    record Found(UUID id, UUID groupId, boolean bypassApproval, boolean used) {
    }

    /** The Spot's members by lower-case address, among {@code emails} (lower-case). */
    Map<String, UUID> members(UUID spotId, String[] emails) {
        return jdbc.sql("select lower(email), id from member where spot_id = :spot and lower(email) = any(:emails)")
                .param("spot", spotId).param("emails", emails)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }

    /** Inserts one invitation per address (with its token's SHA-256, in hex) in one statement. */
    List<GroupInvitation> insert(UUID spotId, UUID groupId, String[] emails, String[] hashes, boolean bypass,
                                 @Nullable UUID by, Instant now) {
        return jdbc.sql("insert into group_invitation as i (spot_id, id, group_id, email, token_hash, "
                        + "bypass_approval, invited_by, created_at) select :spot, gen_random_uuid(), :group, x.email, "
                        + "decode(x.hash, 'hex'), :bypass, :by, :now from unnest(cast(:emails as text[]), "
                        + "cast(:hashes as text[])) with ordinality as x(email, hash, n) order by x.n "
                        + "returning " + COLUMNS)
                .param("spot", spotId).param("group", groupId).param("emails", emails).param("hashes", hashes)
                .param("bypass", bypass).param("by", by).param("now", BanRepository.utc(now))
                .query(InvitationRepository::invitation).list();
    }

    Optional<Found> byToken(UUID spotId, String hash) {
        return jdbc.sql("select id, group_id, bypass_approval, accepted_at is not null from group_invitation "
                        + "where token_hash = decode(:hash, 'hex') and spot_id = :spot")
                .param("hash", hash).param("spot", spotId)
                .query((rs, n) -> new Found(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getBoolean(3), rs.getBoolean(4)))
                .optional();
    }

    /** Marks the invitation used by {@code memberId}, once: false when it was used already (at the same moment). */
    boolean use(UUID spotId, UUID id, UUID memberId, Instant now) {
        return jdbc.sql("update group_invitation set accepted_at = :now, accepted_by = :member "
                        + "where spot_id = :spot and id = :id and accepted_at is null")
                .param("now", BanRepository.utc(now)).param("member", memberId).param("spot", spotId)
                .param("id", id).update() == 1;
    }

    ListPage<GroupInvitation> list(UUID spotId, UUID groupId, ListQuery query) {
        String from = " from group_invitation i where i.spot_id = :spot and i.group_id = :group" + query.where();
        List<GroupInvitation> items = jdbc.sql("select " + COLUMNS + from + " order by i.created_at, i.id "
                        + "limit :limit offset :offset")
                .params(query.params()).param("spot", spotId).param("group", groupId)
                .param("limit", query.paging().limit()).param("offset", query.paging().offset())
                .query(InvitationRepository::invitation).list();
        long total = jdbc.sql("select count(*)" + from).params(query.params()).param("spot", spotId)
                .param("group", groupId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    private static GroupInvitation invitation(ResultSet rs, int row) throws SQLException {
        OffsetDateTime accepted = rs.getObject("accepted_at", OffsetDateTime.class);
        return new GroupInvitation(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class),
                rs.getString("email"), rs.getObject("member_id", UUID.class), rs.getBoolean("bypass_approval"),
                rs.getObject("invited_by", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant().toEpochMilli(),
                accepted == null ? null : accepted.toInstant().toEpochMilli(),
                rs.getObject("accepted_by", UUID.class));
    }
}
