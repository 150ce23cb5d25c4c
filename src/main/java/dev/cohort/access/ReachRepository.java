package dev.cohort.access;

import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import io.swagger.v3.oas.annotations.media.Schema;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a member can reach, and what a group unlocks. */
@Repository
class ReachRepository {
    private final JdbcClient jdbc;

    ReachRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A resource a member reaches: every public one, and the restricted ones they participate in (an Unenrolled
     * course participant no longer does); a Draft course is invisible to members.
     */
    record Reachable(UUID id, @Schema(allowableValues = {"live", "course", "channel", "forum", "collection"})
                     String type, String name, boolean restricted,
                     @Schema(description = "The member's status as a participant; null when they reach a public "
                             + "resource without taking part") @Nullable String participantStatus,
                     List<ParticipantSource> sources) {
    }

    /** A resource a group is linked to. */
    record Linked(UUID id, @Schema(allowableValues = {"live", "course", "channel", "forum", "collection"}) String type,
                  String name, boolean restricted, boolean withEmailNotification) {
    }

    ListPage<Reachable> reachable(UUID spotId, UUID memberId, ListQuery query) {
        String from = " from resource r left join participant p on p.spot_id = r.spot_id and p.resource_id = r.id "
                + "and p.member_id = :member where r.spot_id = :spot "
                + "and (not r.restricted or (p.member_id is not null and p.status <> 'Unenrolled')) "
                + "and not (r.type = 'course' and coalesce(r.settings->>'status' = 'Draft', false))"
                + query.where();
        List<Reachable> items = jdbc.sql("select r.id, r.type, r.name, r.restricted, p.status, "
                        + "coalesce(p.direct, false) as direct, coalesce(p.self_enrolled, false) as self_enrolled, "
                        + ParticipantRow.SourceGroups.SQL + " as source_groups" + from
                        + " order by r.type, lower(r.name), r.id limit :limit offset :offset")
                .params(query.params()).param("spot", spotId).param("member", memberId)
                .param("limit", query.paging().limit()).param("offset", query.paging().offset())
                .query(ReachRepository::reachable).list();
        long total = jdbc.sql("select count(*)" + from).params(query.params()).param("spot", spotId)
                .param("member", memberId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    ListPage<Linked> linked(UUID spotId, UUID groupId, ListQuery query) {
        String from = " from resource_group_link l join resource r on r.spot_id = l.spot_id and r.id = l.resource_id "
                + "where l.spot_id = :spot and l.group_id = :group" + query.where();
        List<Linked> items = jdbc.sql("select r.id, r.type, r.name, r.restricted, l.with_email" + from
                        + " order by lower(r.name), r.id limit :limit offset :offset")
                .params(query.params()).param("spot", spotId).param("group", groupId)
                .param("limit", query.paging().limit()).param("offset", query.paging().offset())
                .query((rs, n) -> new Linked(rs.getObject("id", UUID.class), rs.getString("type"),
                        rs.getString("name"), rs.getBoolean("restricted"), rs.getBoolean("with_email")))
                .list();
        long total = jdbc.sql("select count(*)" + from).params(query.params()).param("spot", spotId)
                .param("group", groupId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    private static Reachable reachable(ResultSet rs, int row) throws SQLException {
        return new Reachable(rs.getObject("id", UUID.class), rs.getString("type"), rs.getString("name"),
                rs.getBoolean("restricted"), rs.getString("status"), ParticipantRow.SourceGroups.sources(rs));
    }
}
