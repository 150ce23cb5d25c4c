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
 * The SQL of what members see of groups and of the groups they join themselves (reads; the writes are groups',
 * through {@link dev.cohort.groups.Memberships}).
 */
@Repository
class SelfJoinRepository {
    /** Whether the member {@code :member} is in the group {@code g}. */
    private static final String JOINED = "exists (select 1 from group_membership gm where gm.spot_id = g.spot_id "
            + "and gm.group_id = g.id and gm.member_id = :member)";
    /** How the group {@code g} is joined as members see it: a community group's join policy, else its join type. */
    static final String JOIN_TYPE = "(case when g.kind = 'community' then c.join_policy else g.join_type end)";
    /**
     * The groups members see at {@code :now}: live static open or code groups that are user viewable, in window,
     * and the community groups the member {@code :member} is not banned from.
     */
    private static final String VISIBLE = " from member_group g left join community_group c on c.spot_id = g.spot_id "
            + "and c.group_id = g.id where g.spot_id = :spot and g.deleted_at is null "
            + "and ((g.join_type <> 'closed' and g.kind = 'static' and g.user_viewable "
            + "and (g.start_date is null or g.start_date <= :now) and (g.stop_date is null or g.stop_date > :now)) "
            + "or (g.kind = 'community' and c.group_id is not null and not exists (select 1 from group_ban b "
            + "where b.spot_id = g.spot_id and b.group_id = g.id and b.member_id = :member)))";
    /** The member's role in a community group {@code g} (null for another kind or a non-member). */
    private static final String ROLE = "(select coalesce(gm.group_role, 'member') from group_membership gm "
            + "where gm.spot_id = g.spot_id and gm.group_id = g.id and gm.member_id = :member "
            + "and g.kind = 'community')";
    /** Whether the member has a pending request to join the group {@code g}. */
    private static final String PENDING = "exists (select 1 from join_request r where r.spot_id = g.spot_id "
            + "and r.group_id = g.id and r.member_id = :member and r.status = 'Pending')";

    private final JdbcClient jdbc;

    SelfJoinRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A group as the member's join or leave finds it, with the group row locked shared (a membership change). */
    record Target(String kind, String joinType, boolean userViewable, @Nullable OffsetDateTime startDate,
                  @Nullable OffsetDateTime stopDate, boolean joined) {
    }

    Optional<Target> lockShared(UUID spotId, UUID groupId, UUID memberId) {
        return jdbc.sql("select g.kind, g.join_type, g.user_viewable, g.start_date, g.stop_date, " + JOINED
                        + " as joined from member_group g where g.spot_id = :spot and g.id = :group "
                        + "and g.deleted_at is null for share of g")
                .param("spot", spotId).param("group", groupId).param("member", memberId)
                .query((rs, n) -> new Target(rs.getString("kind"), rs.getString("join_type"),
                        rs.getBoolean("user_viewable"), rs.getObject("start_date", OffsetDateTime.class),
                        rs.getObject("stop_date", OffsetDateTime.class), rs.getBoolean("joined")))
                .optional();
    }

    /** A page of the groups the member sees at {@code now}: all of them, or only those they are in. */
    ListPage<MemberGroup> visible(UUID spotId, UUID memberId, OffsetDateTime now, boolean joinedOnly,
                                  ListQuery query) {
        String from = VISIBLE + (joinedOnly ? " and " + JOINED : "") + query.where();
        List<MemberGroup> items = jdbc.sql("select g.id, g.name, g.description, g.emoji, g.icon, g.kind, "
                        + JOIN_TYPE + " as join_type, g.start_date, g.stop_date, g.sort_order, " + JOINED
                        + " as joined, " + PENDING + " as pending, " + ROLE + " as group_role" + from
                        + " order by g.sort_order, g.name, g.id limit :limit offset :offset")
                .params(query.params()).param("spot", spotId).param("member", memberId).param("now", now)
                .param("limit", query.paging().limit()).param("offset", query.paging().offset())
                .query(SelfJoinRepository::group).list();
        long total = jdbc.sql("select count(*)" + from).params(query.params()).param("spot", spotId)
                .param("member", memberId).param("now", now).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    private static MemberGroup group(ResultSet rs, int row) throws SQLException {
        boolean community = rs.getString("kind").equals("community");
        return new MemberGroup(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getString("emoji"), rs.getString("icon"), rs.getString("kind"), rs.getString("join_type"),
                rs.getBoolean("joined"), rs.getBoolean("pending"), rs.getString("group_role"),
                community ? null : seconds(rs, "start_date"), community ? null : seconds(rs, "stop_date"),
                rs.getInt("sort_order"));
    }

    /** A nullable timestamp as Unix seconds. */
    private static @Nullable Long seconds(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toEpochSecond();
    }
}
