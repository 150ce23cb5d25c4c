package dev.cohort.access;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.cohort.members.MemberRows;
import dev.cohort.members.SpotMember;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ParticipantRepository {
    private static final String FROM = " from participant p join member m on m.spot_id = p.spot_id and m.id = p.member_id"
            + " where p.spot_id = :spot and p.resource_id = :resource";

    private final JdbcClient jdbc;

    ParticipantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A channel's, forum's or collection's member: the SpotMember object and its sources. */
    record ResourceMember(@JsonUnwrapped SpotMember member, List<ParticipantSource> sources) {
    }

    ListPage<ParticipantRow> page(UUID spotId, UUID resourceId, ListQuery query) {
        List<ParticipantRow> items = jdbc.sql("select " + ParticipantRow.COLUMNS + FROM + query.where()
                        + " order by " + MemberRows.ALPHABETICAL + " limit :limit offset :offset")
                .params(query.params()).param("spot", spotId).param("resource", resourceId)
                .param("limit", query.paging().limit()).param("offset", query.paging().offset())
                .query(ParticipantRow::read).list();
        return new ListPage<>(items, count(spotId, resourceId, query));
    }

    ListPage<ResourceMember> members(UUID spotId, UUID resourceId, ListQuery query) {
        List<ResourceMember> items = jdbc.sql("select " + MemberRows.COLUMNS + ", p.direct, p.self_enrolled, "
                        + ParticipantRow.SourceGroups.SQL + " as source_groups" + FROM + query.where()
                        + " order by " + MemberRows.ALPHABETICAL + " limit :limit offset :offset")
                .params(query.params()).param("spot", spotId).param("resource", resourceId)
                .param("limit", query.paging().limit()).param("offset", query.paging().offset())
                .query((rs, n) -> new ResourceMember(MemberRows.MAPPER.mapRow(rs, n),
                        ParticipantRow.SourceGroups.sources(rs)))
                .list();
        return new ListPage<>(items, count(spotId, resourceId, query));
    }

    private long count(UUID spotId, UUID resourceId, ListQuery query) {
        return jdbc.sql("select count(*)" + FROM + query.where()).params(query.params()).param("spot", spotId)
                .param("resource", resourceId).query(Long.class).single();
    }

    Optional<ParticipantRow> byId(UUID spotId, UUID resourceId, UUID participantId) {
        return jdbc.sql("select " + ParticipantRow.COLUMNS + FROM + " and p.id = :id")
                .param("spot", spotId).param("resource", resourceId).param("id", participantId)
                .query(ParticipantRow::read).optional();
    }

    List<ParticipantRow> byMembers(UUID spotId, UUID resourceId, UUID[] memberIds) {
        return jdbc.sql("select " + ParticipantRow.COLUMNS + FROM + " and p.member_id = any(:members) order by "
                        + MemberRows.ALPHABETICAL)
                .param("spot", spotId).param("resource", resourceId).param("members", memberIds)
                .query(ParticipantRow::read).list();
    }
}
