package dev.cohort.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A participant row as the participant lists read it, with the sources that hold it. */
public record ParticipantRow(UUID id, UUID resourceId, UUID memberId, String email, String firstname, String lastname,
                      String status, String type, OffsetDateTime invitedAt, OffsetDateTime registeredAt,
                      OffsetDateTime startedAt, OffsetDateTime completedAt, OffsetDateTime unenrolledAt,
                      OffsetDateTime lastActivityAt, List<ParticipantSource> sources) {

    /** Columns for {@code from participant p join member m}; the groups are the live linked groups holding p. */
    public static final String COLUMNS = "p.id, p.resource_id, p.member_id, m.email, m.firstname, m.lastname, p.status, "
            + "p.type, p.invited_at, p.registered_at, p.started_at, p.completed_at, p.unenrolled_at, "
            + "p.last_activity_at, p.direct, p.self_enrolled, " + SourceGroups.SQL + " as source_groups";

    public static ParticipantRow read(ResultSet rs, int row) throws SQLException {
        return new ParticipantRow(rs.getObject("id", UUID.class), rs.getObject("resource_id", UUID.class),
                rs.getObject("member_id", UUID.class), rs.getString("email"), rs.getString("firstname"),
                rs.getString("lastname"), rs.getString("status"), rs.getString("type"),
                rs.getObject("invited_at", OffsetDateTime.class), rs.getObject("registered_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("completed_at", OffsetDateTime.class),
                rs.getObject("unenrolled_at", OffsetDateTime.class),
                rs.getObject("last_activity_at", OffsetDateTime.class), SourceGroups.sources(rs));
    }

    /** The sources of a participant: its direct invitation, each linked group holding it, self-enrolment. */
    static final class SourceGroups {
        static final String SQL = "array(select l.group_id from resource_group_link l "
                + "join group_membership gm on gm.spot_id = l.spot_id and gm.group_id = l.group_id "
                + "and gm.member_id = p.member_id "
                + "join member_group g on g.spot_id = l.spot_id and g.id = l.group_id and g.deleted_at is null "
                + "where l.spot_id = p.spot_id and l.resource_id = p.resource_id order by l.group_id)";

        private SourceGroups() {
        }

        static List<ParticipantSource> sources(ResultSet rs) throws SQLException {
            List<ParticipantSource> sources = new ArrayList<>();
            if (rs.getBoolean("direct")) {
                sources.add(ParticipantSource.DIRECT);
            }
            Array groups = rs.getArray("source_groups");
            if (groups != null) {
                for (UUID group : (UUID[]) groups.getArray()) {
                    sources.add(ParticipantSource.group(group));
                }
            }
            if (rs.getBoolean("self_enrolled")) {
                sources.add(ParticipantSource.SELF_ENROLLMENT);
            }
            return sources;
        }
    }
}
