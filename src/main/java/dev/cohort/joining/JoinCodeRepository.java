package dev.cohort.joining;

import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of join codes ({@code join_code}), and the reads of groups' tables a code needs: its group (locked shared
 * for a redeem) and whether the member is in it already. The membership a redeem makes is written by groups
 * ({@link dev.cohort.groups.Memberships#redeemed}).
 */
@Repository
class JoinCodeRepository {
    private static final String COLUMNS = "c.id, c.code, c.group_id, c.uses, c.max_uses, c.valid_from, "
            + "c.valid_until, c.membership_days, c.requires_approval, c.created_at";

    private final JdbcClient jdbc;

    JoinCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A live group as codes see it, its row locked shared when {@code lock}. */
    record Target(UUID id, String kind, String joinType, @Nullable OffsetDateTime startDate,
                  @Nullable OffsetDateTime stopDate) {
    }

    /** A code as a redeem finds it, with its group. */
    record Found(UUID id, UUID groupId, @Nullable Integer maxUses, int uses, @Nullable OffsetDateTime validFrom,
                 @Nullable OffsetDateTime validUntil, @Nullable Integer membershipDays, boolean requiresApproval) {
    }

    Optional<Target> group(UUID spotId, UUID groupId, boolean lock) {
        return jdbc.sql("select g.id, g.kind, g.join_type, g.start_date, g.stop_date from member_group g "
                        + "where g.spot_id = :spot and g.id = :group and g.deleted_at is null"
                        + (lock ? " for share of g" : ""))
                .param("spot", spotId).param("group", groupId)
                .query((rs, n) -> new Target(rs.getObject("id", UUID.class), rs.getString("kind"),
                        rs.getString("join_type"), rs.getObject("start_date", OffsetDateTime.class),
                        rs.getObject("stop_date", OffsetDateTime.class)))
                .optional();
    }

    /** Inserts one code; empty when the Spot has that code already. */
    Optional<JoinCode> insert(UUID spotId, UUID groupId, String code, @Nullable Integer maxUses,
                              @Nullable OffsetDateTime validFrom, @Nullable OffsetDateTime validUntil,
                              @Nullable Integer membershipDays, boolean requiresApproval) {
        return jdbc.sql("insert into join_code as c (spot_id, id, group_id, code, max_uses, valid_from, valid_until, "
                        + "membership_days, requires_approval) values (:spot, :id, :group, :code, :max, :from, "
                        + ":until, :days, :approval) on conflict (spot_id, code) do nothing returning " + COLUMNS)
                .param("spot", spotId).param("id", UUID.randomUUID()).param("group", groupId).param("code", code)
                .param("max", maxUses).param("from", validFrom).param("until", validUntil)
                .param("days", membershipDays).param("approval", requiresApproval)
                .query(JoinCodeRepository::code).optional();
    }

    /** Inserts single-use codes in one statement, skipping the texts the Spot has already; returns those inserted. */
    List<JoinCode> insertSingleUse(UUID spotId, UUID groupId, String[] codes, @Nullable OffsetDateTime validFrom,
                                   @Nullable OffsetDateTime validUntil, @Nullable Integer membershipDays,
                                   boolean requiresApproval) {
        return jdbc.sql("insert into join_code as c (spot_id, id, group_id, code, max_uses, valid_from, valid_until, "
                        + "membership_days, requires_approval) select :spot, gen_random_uuid(), :group, x.code, 1, "
                        + ":from, :until, :days, :approval from unnest(cast(:codes as text[])) as x(code) "
                        + "on conflict (spot_id, code) do nothing returning " + COLUMNS)
                .param("spot", spotId).param("group", groupId).param("codes", codes)
                .param("from", validFrom).param("until", validUntil).param("days", membershipDays)
                .param("approval", requiresApproval)
                .query(JoinCodeRepository::code).list();
    }

    ListPage<JoinCode> list(UUID spotId, UUID groupId, ListQuery query) {
        String from = " from join_code c where c.spot_id = :spot and c.group_id = :group and not c.revoked"
                + query.where();
        List<JoinCode> items = jdbc.sql("select " + COLUMNS + from
                        + " order by c.created_at, c.code limit :limit offset :offset")
                .params(query.params()).param("spot", spotId).param("group", groupId)
                .param("limit", query.paging().limit()).param("offset", query.paging().offset())
                .query(JoinCodeRepository::code).list();
        long total = jdbc.sql("select count(*)" + from).params(query.params()).param("spot", spotId)
                .param("group", groupId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    /** Every live code of the group, in creation order (the export). */
    List<JoinCode> all(UUID spotId, UUID groupId) {
        return jdbc.sql("select " + COLUMNS + " from join_code c where c.spot_id = :spot and c.group_id = :group "
                        + "and not c.revoked order by c.created_at, c.code")
                .param("spot", spotId).param("group", groupId).query(JoinCodeRepository::code).list();
    }

    /** Revokes a code of the group; false when there is no such live code. */
    boolean revoke(UUID spotId, UUID groupId, UUID codeId) {
        return jdbc.sql("update join_code set revoked = true where spot_id = :spot and group_id = :group "
                        + "and id = :id and not revoked")
                .param("spot", spotId).param("group", groupId).param("id", codeId).update() == 1;
    }

    /** A live (not revoked) code of the Spot by its upper-case text. */
    Optional<Found> find(UUID spotId, String code) {
        return jdbc.sql("select id, group_id, max_uses, uses, valid_from, valid_until, membership_days, "
                        + "requires_approval from join_code where spot_id = :spot and code = :code and not revoked")
                .param("spot", spotId).param("code", code)
                .query((rs, n) -> new Found(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class),
                        (Integer) rs.getObject("max_uses"), rs.getInt("uses"),
                        rs.getObject("valid_from", OffsetDateTime.class),
                        rs.getObject("valid_until", OffsetDateTime.class), (Integer) rs.getObject("membership_days"),
                        rs.getBoolean("requires_approval")))
                .optional();
    }

    /** Counts one use of a code, race-safely: false when it is used up (nothing counted). */
    boolean use(UUID spotId, UUID codeId) {
        return jdbc.sql("update join_code set uses = uses + 1 where spot_id = :spot and id = :id and not revoked "
                        + "and (max_uses is null or uses < max_uses) returning id")
                .param("spot", spotId).param("id", codeId).query(UUID.class).optional().isPresent();
    }

    boolean isMember(UUID spotId, UUID groupId, UUID memberId) {
        return jdbc.sql("select exists (select 1 from group_membership where spot_id = :spot and group_id = :group "
                        + "and member_id = :member)")
                .param("spot", spotId).param("group", groupId).param("member", memberId)
                .query(Boolean.class).single();
    }

    private static JoinCode code(ResultSet rs, int row) throws SQLException {
        return new JoinCode(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("group_id", UUID.class),
                rs.getInt("uses"), (Integer) rs.getObject("max_uses"), seconds(rs, "valid_from"),
                seconds(rs, "valid_until"), (Integer) rs.getObject("membership_days"),
                rs.getBoolean("requires_approval"), null,
                rs.getObject("created_at", OffsetDateTime.class).toInstant().toEpochMilli());
    }

    /** A nullable timestamp as Unix seconds. */
    private static @Nullable Long seconds(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toEpochSecond();
    }
}
