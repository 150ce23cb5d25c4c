package dev.cohort.groups;

import dev.cohort.members.MemberRows;
import dev.cohort.system.Copy;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.stereotype.Repository;

/**
 * The SQL of memberships ({@code group_membership}) and their count deltas ({@code group_member_count}): every
 * statement that adds or removes members writes the delta in the same statement.
 */
@Repository
class MembershipRepository {
    /** COPY's binary format: signature, flags, header extension length. */
    private static final byte[] COPY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    /** One membership row in COPY's binary format: field count, then three 16-byte UUIDs with their lengths. */
    private static final int COPY_ROW = 2 + 3 * (4 + 16);
    private static final int COPY_CHUNK = 1 << 20;
    /** From this many pairs on, memberships are written with COPY. */
    private static final int COPY_FROM = 1000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    MembershipRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Adds a member who joined the group by themselves, recording how ({@code source}), with the count delta in the
     * same statement; true when they were not in it (a second join changes nothing, its source included).
     */
    boolean addJoined(UUID spotId, UUID groupId, UUID memberId, String source) {
        return jdbc.sql("with added as (insert into group_membership (spot_id, group_id, member_id, source) "
                        + "values (:spot, :group, :member, :source) on conflict do nothing returning member_id), "
                        + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, :group, count(*) from added having count(*) > 0) "
                        + "select count(*) from added")
                .param("spot", spotId).param("group", groupId).param("member", memberId).param("source", source)
                .query(Long.class).single() == 1;
    }

    /**
     * Adds a member who redeemed a code (source code, the code's id, until {@code validUntil} or permanently) with
     * the count delta in the same statement; true when they were not in the group.
     */
    boolean addRedeemed(UUID spotId, UUID groupId, UUID memberId, UUID codeId, @Nullable OffsetDateTime validUntil) {
        return jdbc.sql("with added as (insert into group_membership (spot_id, group_id, member_id, source, "
                        + "join_code_id, valid_until) values (:spot, :group, :member, 'code', :code, "
                        + "cast(:until as timestamptz)) on conflict do nothing returning member_id), "
                        + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, :group, count(*) from added having count(*) > 0) "
                        + "select count(*) from added")
                .param("spot", spotId).param("group", groupId).param("member", memberId).param("code", codeId)
                .param("until", validUntil)
                .query(Long.class).single() == 1;
    }

    /** Removes members from the group in one statement with the count delta; returns the ids that were in it. */
    List<UUID> removeMembers(UUID spotId, UUID groupId, UUID[] memberIds) {
        return jdbc.sql("with removed as (delete from group_membership where spot_id = :spot and group_id = :group "
                        + "and member_id = any(:ids) returning member_id), "
                        + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, :group, -count(*) from removed having count(*) > 0) "
                        + "select member_id from removed")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds)
                .query(UUID.class).list();
    }

    /**
     * Adds (group, member) pairs of several groups, with each group's count delta. The caller holds the members'
     * rows and the groups' rows (shared) and knows the pairs are not stored yet: no conflict to skip and nothing to
     * read back. Many pairs go in with COPY in binary format (an import writes millions of them: no text to build or
     * parse), a few in one statement (COPY's extra round trips would cost a tag change more than they save). Pairs
     * sorted by group, then member (as the database orders ids) are written in index order.
     */
    void addPairs(UUID spotId, List<Membership> pairs) {
        if (pairs.size() < COPY_FROM) {
            jdbc.sql("with added as (insert into group_membership (spot_id, group_id, member_id) "
                            + "select :spot, x.g, x.m from unnest(cast(:groups as uuid[]), cast(:members as uuid[])) "
                            + "with ordinality as x(g, m, n) order by x.n returning group_id) "
                            + "insert into group_member_count (spot_id, group_id, delta) "
                            + "select :spot, group_id, count(*) from added group by group_id")
                    .param("spot", spotId)
                    .param("groups", pairs.stream().map(Membership::groupId).toArray(UUID[]::new))
                    .param("members", pairs.stream().map(Membership::memberId).toArray(UUID[]::new))
                    .update();
            return;
        }
        // The key checks' trigger reads the rows back from a store kept in memory up to work_mem: 64 MB holds an
        // import batch's rows (some 180,000) where the default 4 MB sends them to a temporary file and back.
        String workMem = jdbc.sql("select current_setting('work_mem')").query(String.class).single();
        jdbc.sql("select set_config('work_mem', case when pg_size_bytes(:before) < pg_size_bytes('64MB') "
                + "then '64MB' else :before end, true)").param("before", workMem).query(String.class).single();
        try {
            Copy.in(dataSource, "copy group_membership (spot_id, group_id, member_id) from stdin (format binary)",
                    copy -> writePairs(copy, spotId, pairs));
        } catch (SQLException e) {
            DataAccessException translated = new SQLStateSQLExceptionTranslator()
                    .translate("COPY into group_membership", null, e);
            throw translated != null ? translated
                    : new UncategorizedSQLException("COPY into group_membership", null, e);
        }
        jdbc.sql("select set_config('work_mem', :before, true)").param("before", workMem).query(String.class).single();
        Map<UUID, Long> counts = new TreeMap<>();
        pairs.forEach(pair -> counts.merge(pair.groupId(), 1L, Long::sum));
        jdbc.sql("insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, c.g, c.n "
                        + "from unnest(cast(:groups as uuid[]), cast(:counts as bigint[])) as c(g, n)")
                .param("spot", spotId).param("groups", counts.keySet().toArray(UUID[]::new))
                .param("counts", counts.values().toArray(Long[]::new)).update();
    }

    /** The pairs as COPY's binary format, a chunk at a time. */
    private static void writePairs(CopyIn copy, UUID spotId, List<Membership> pairs) throws SQLException {
        ByteBuffer buffer = ByteBuffer.allocate(COPY_CHUNK);
        buffer.put(COPY_HEADER);
        for (Membership pair : pairs) {
            if (buffer.remaining() < COPY_ROW + 2) {
                copy.writeToCopy(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            buffer.putShort((short) 3);
            uuid(buffer, spotId);
            uuid(buffer, pair.groupId());
            uuid(buffer, pair.memberId());
        }
        buffer.putShort((short) -1);
        copy.writeToCopy(buffer.array(), 0, buffer.position());
    }

    private static void uuid(ByteBuffer buffer, UUID id) {
        buffer.putInt(16);
        buffer.putLong(id.getMostSignificantBits());
        buffer.putLong(id.getLeastSignificantBits());
    }

    /** Removes (group, member) pairs of several groups in one statement with the count deltas; returns those removed. */
    List<Membership> removePairs(UUID spotId, List<Membership> pairs) {
        return jdbc.sql("with removed as (delete from group_membership gm "
                        + "using unnest(cast(:groups as uuid[]), cast(:members as uuid[])) as x(g, m) "
                        + "where gm.spot_id = :spot and gm.group_id = x.g and gm.member_id = x.m "
                        + "returning gm.group_id, gm.member_id), "
                        + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, group_id, -count(*) from removed group by group_id) "
                        + "select group_id, member_id from removed")
                .param("spot", spotId).param("groups", pairs.stream().map(Membership::groupId).toArray(UUID[]::new))
                .param("members", pairs.stream().map(Membership::memberId).toArray(UUID[]::new))
                .query((rs, n) -> new Membership(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /**
     * Brings the stored membership of a group in line with the members listed in {@code wanted} (a table or
     * relation with an {@code id} column), in one statement with the count delta; returns who entered and who left.
     * The caller holds the group's row exclusively, so nothing else adds to it.
     */
    Memberships.Diff replace(UUID spotId, UUID groupId, String wanted) {
        String sql = "with added as (insert into group_membership (spot_id, group_id, member_id) "
                + "  select :spot, :group, w.id from " + wanted + " w "
                + "  where not exists (select 1 from group_membership gm "
                + "  where gm.spot_id = :spot and gm.group_id = :group and gm.member_id = w.id) "
                + "  order by w.id returning member_id), "
                + "removed as (delete from group_membership gm where gm.spot_id = :spot and gm.group_id = :group"
                + "  and not exists (select 1 from " + wanted + " w where w.id = gm.member_id) returning gm.member_id), "
                + "counts as (select (select count(*) from added) - (select count(*) from removed) as delta), "
                + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                + "  select :spot, :group, delta from counts where delta <> 0) "
                + "select member_id, true as added from added union all select member_id, false from removed";
        List<UUID> added = new ArrayList<>();
        List<UUID> removed = new ArrayList<>();
        jdbc.sql(sql).param("spot", spotId).param("group", groupId)
                .query(rs -> {
                    (rs.getBoolean(2) ? added : removed).add(rs.getObject(1, UUID.class));
                });
        return new Memberships.Diff(added, removed);
    }

    /** Removes deleted members from every group they were in, with the count deltas. */
    void removeFromAllGroups(UUID spotId, UUID[] memberIds) {
        jdbc.sql("with removed as (delete from group_membership where spot_id = :spot and member_id = any(:ids) "
                        + "returning group_id) "
                        + "insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, group_id, -count(*) from removed group by group_id")
                .param("spot", spotId).param("ids", memberIds).update();
    }

    /**
     * A page of the group's members, alphabetically, each with how they got there: {@code source}, a SQL expression
     * over the membership row {@code gm} (a smart group's comes from {@link GroupRules#membershipSource()}).
     */
    ListPage<GroupMember> members(UUID spotId, UUID groupId, String source, String role, String where,
                                  Map<String, Object> params, Paging paging, boolean filtered) {
        String from = " from group_membership gm join member m on m.spot_id = gm.spot_id and m.id = gm.member_id "
                + "where gm.spot_id = :spot and gm.group_id = :group" + where;
        List<GroupMember> items = jdbc.sql("select " + columns(source, role) + from + " order by "
                        + MemberRows.ALPHABETICAL + " limit :limit offset :offset")
                .params(params).param("spot", spotId).param("group", groupId)
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query(MembershipRepository::member).list();
        long total = filtered
                ? jdbc.sql("select count(*)" + from).params(params).param("spot", spotId).param("group", groupId)
                        .query(Long.class).single()
                : count(spotId, groupId);
        return new ListPage<>(items, total);
    }

    /** One member of the group, as {@link #members} shows them. */
    Optional<GroupMember> member(UUID spotId, UUID groupId, UUID memberId, String source, String role) {
        return jdbc.sql("select " + columns(source, role) + " from group_membership gm join member m "
                        + "on m.spot_id = gm.spot_id and m.id = gm.member_id "
                        + "where gm.spot_id = :spot and gm.group_id = :group and gm.member_id = :member")
                .param("spot", spotId).param("group", groupId).param("member", memberId)
                .query(MembershipRepository::member).optional();
    }

    private static String columns(String source, String role) {
        return MemberRows.COLUMNS + ", " + source + " as membership_source, "
                + "extract(epoch from gm.valid_until)::bigint as valid_until, gm.join_code_id, " + role
                + " as group_role";
    }

    private static GroupMember member(java.sql.ResultSet rs, int n) throws SQLException {
        return new GroupMember(MemberRows.MAPPER.mapRow(rs, n), rs.getString("membership_source"),
                rs.getObject("valid_until", Long.class), rs.getObject("join_code_id", UUID.class),
                rs.getString("group_role"));
    }

    /** The subset of {@code memberIds} that are in the group. */
    List<UUID> alreadyIn(UUID spotId, UUID groupId, UUID[] memberIds) {
        if (memberIds.length == 0) {
            return List.of();
        }
        return jdbc.sql("select member_id from group_membership where spot_id = :spot and group_id = :group "
                        + "and member_id = any(:ids)")
                .param("spot", spotId).param("group", groupId).param("ids", memberIds).query(UUID.class).list();
    }

    long count(UUID spotId, UUID groupId) {
        return jdbc.sql("select coalesce(sum(delta), 0) from group_member_count where spot_id = :spot and group_id = :group")
                .param("spot", spotId).param("group", groupId).query(Long.class).single();
    }
}
