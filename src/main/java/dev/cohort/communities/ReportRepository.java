package dev.cohort.communities;

import dev.cohort.messaging.NotificationRows;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of reported content ({@code group_report}) and of the notifications a new report sends. */
@Repository
class ReportRepository {
    private static final String COLUMNS = "r.id, r.group_id, r.reporter_id, r.content_type, r.content_id, r.reason, "
            + "r.status, r.resolution_note, r.resolved_by, r.created_at, r.resolved_at";
    /**
     * Who hears of a report in the group: its owner, admins and moderators, the Spot's Admins and the holders of a
     * custom role with groups.moderate (the reporter aside).
     */
    private static final String MODERATORS = "select gm.member_id from group_membership gm where gm.spot_id = :spot "
            + "and gm.group_id = :group and gm.group_role in ('owner', 'admin', 'moderator') "
            + "union select m.id from member m where m.spot_id = :spot and m.role = 'Admin' "
            + "union select m.id from member m join custom_role cr on cr.spot_id = m.spot_id "
            + "and cr.id = m.custom_role_id where m.spot_id = :spot and 'groups.moderate' = any(cr.permissions)";

    private final JdbcClient jdbc;

    ReportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Files a report and, in the same statement, notifies the group's moderators and above; empty when the member
     * reported this content already (nothing is written then).
     */
    Optional<GroupReport> create(UUID spotId, UUID groupId, UUID reporterId, String contentType, String contentId,
                                 String reason) {
        return jdbc.sql("with r as (insert into group_report (spot_id, id, group_id, reporter_id, content_type, "
                        + "content_id, reason) values (:spot, uuid_v7(), :group, :reporter, :type, :content, :reason) "
                        + "on conflict do nothing returning *), "
                        + "told as (" + NotificationRows.groupReports("(select t.member_id, jsonb_build_object("
                        + "'reportId', r.id, 'groupId', r.group_id, 'groupName', g.name, 'contentType', "
                        + "r.content_type, 'contentId', r.content_id, 'reason', r.reason, 'reporterSpotMemberId', "
                        + "r.reporter_id) as body from r join member_group g on g.spot_id = r.spot_id "
                        + "and g.id = r.group_id cross join (" + MODERATORS + ") as t(member_id) "
                        + "where t.member_id <> :reporter)") + ") "
                        + "select " + COLUMNS + " from r")
                .param("spot", spotId).param("group", groupId).param("reporter", reporterId)
                .param("type", contentType).param("content", contentId).param("reason", reason)
                .query(ReportRepository::report).optional();
    }

    /** The member's report of this content. */
    Optional<GroupReport> find(UUID spotId, UUID groupId, UUID reporterId, String contentType, String contentId) {
        return jdbc.sql("select " + COLUMNS + " from group_report r where r.spot_id = :spot and r.group_id = :group "
                        + "and r.reporter_id = :reporter and r.content_type = :type and r.content_id = :content")
                .param("spot", spotId).param("group", groupId).param("reporter", reporterId)
                .param("type", contentType).param("content", contentId)
                .query(ReportRepository::report).optional();
    }

    Optional<GroupReport> find(UUID spotId, UUID groupId, UUID reportId) {
        return jdbc.sql("select " + COLUMNS + " from group_report r where r.spot_id = :spot and r.group_id = :group "
                        + "and r.id = :id")
                .param("spot", spotId).param("group", groupId).param("id", reportId)
                .query(ReportRepository::report).optional();
    }

    /** Resolves an open report (status Dismissed or Removed); empty when there is no open report of that id. */
    Optional<GroupReport> resolve(UUID spotId, UUID groupId, UUID reportId, String status, String note, UUID by) {
        return jdbc.sql("update group_report r set status = :status, resolution_note = :note, resolved_by = :by, "
                        + "resolved_at = now() where r.spot_id = :spot and r.group_id = :group and r.id = :id "
                        + "and r.status = 'Open' returning " + COLUMNS)
                .param("spot", spotId).param("group", groupId).param("id", reportId).param("status", status)
                .param("note", note).param("by", by)
                .query(ReportRepository::report).optional();
    }

    /** A page of the group's reports, oldest first. */
    ListPage<GroupReport> page(UUID spotId, UUID groupId, ListQuery query) {
        String from = " from group_report r where r.spot_id = :spot and r.group_id = :group" + query.where();
        List<GroupReport> items = jdbc.sql("select " + COLUMNS + from
                        + " order by r.created_at, r.id limit :limit offset :offset")
                .params(query.params()).param("spot", spotId).param("group", groupId)
                .param("limit", query.paging().limit()).param("offset", query.paging().offset())
                .query(ReportRepository::report).list();
        long total = jdbc.sql("select count(*)" + from).params(query.params()).param("spot", spotId)
                .param("group", groupId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    private static GroupReport report(ResultSet rs, int row) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new GroupReport(rs.getObject("id", UUID.class), rs.getObject("group_id", UUID.class),
                rs.getObject("reporter_id", UUID.class), rs.getString("content_type"), rs.getString("content_id"),
                rs.getString("reason"), rs.getString("status"), rs.getString("resolution_note"),
                rs.getObject("resolved_by", UUID.class), rs.getTimestamp("created_at").getTime(),
                resolved == null ? null : resolved.getTime());
    }
}
