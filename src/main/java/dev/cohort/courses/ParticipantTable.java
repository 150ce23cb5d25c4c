package dev.cohort.courses;

import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.in;
import static dev.cohort.web.Filters.Op.neq;
import static dev.cohort.web.Filters.Op.notin;

import dev.cohort.access.ParticipantRow;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.members.MemberFilters;
import dev.cohort.members.MemberRows;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.util.MultiValueMap;

/**
 * The participants table of a course: participant rows with their number of completed current steps, filtered
 * (MeltingSpot's filters plus search) and sorted by name, status, completion rate or invitation date.
 */
@Repository
class ParticipantTable {
    static final List<String> STATUSES = List.of("Invited", "Started", "Completed", "Unenrolled");
    private static final Filters.Spec FILTERS = Filters.spec()
            .text("firstname", "m.firstname", eq, contains, in)
            .text("lastname", "m.lastname", eq, contains, in)
            .email("email", "m.email", eq, contains, in)
            .enumeration("status", "p.status", STATUSES, eq, in, neq, notin)
            .plain("search")
            .plain("sort")
            .describe("search", "Text found in the member's first name, last name, full name or email "
                    + "(case-insensitive)")
            .describe("sort", "name (default), status, completionRate or invitedAt; a leading '-' sorts descending");
    /** Sort keys; a leading '-' sorts descending. Ties are broken alphabetically. */
    private static final Map<String, String> SORTS = Map.of(
            "name", MemberRows.ALPHABETICAL,
            "status", "array_position(array['Invited', 'Started', 'Completed', 'Unenrolled'], p.status)",
            "completionRate", "p.completed_steps",
            "invitedAt", "p.invited_at");
    private static final String FROM = " from participant p join member m on m.spot_id = p.spot_id "
            + "and m.id = p.member_id where p.spot_id = :spot and p.resource_id = :course";
    private final JdbcClient jdbc;

    ParticipantTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A participant row and how many of the course's current steps they completed. */
    record Entry(ParticipantRow row, int done) {
    }

    /** The list query and its order, both checked (an unknown sort key is a 400). */
    record Query(ListQuery list, String orderBy) {
        static Query read(MultiValueMap<String, String> query) {
            ListQuery list = ListQuery.read(query, FILTERS, params -> MemberFilters.search(query.getFirst("search"),
                    params));
            String sort = query.getFirst("sort");
            String key = sort == null || sort.isBlank() ? "name" : sort.trim();
            boolean descending = key.startsWith("-");
            String expression = SORTS.get(descending ? key.substring(1) : key);
            if (expression == null) {
                throw InvalidInputException.inQuery("sort", "must be one of name, status, completionRate, invitedAt "
                        + "(prefix '-' for descending)");
            }
            String direction = descending ? " desc" : " asc";
            String order = expression.equals(MemberRows.ALPHABETICAL)
                    ? (descending ? "lower(m.lastname) desc, lower(m.firstname) desc, lower(m.email) desc, m.id desc"
                    : MemberRows.ALPHABETICAL)
                    : expression + direction + " nulls last, " + MemberRows.ALPHABETICAL;
            return new Query(list, order);
        }
    }

    ListPage<Entry> page(UUID spotId, UUID courseId, Query query) {
        ListQuery list = query.list();
        String from = FROM;
        List<Entry> items = jdbc.sql("select " + ParticipantRow.COLUMNS + ", p.completed_steps as done" + from
                        + list.where() + " order by " + query.orderBy() + " limit :limit offset :offset")
                .params(list.params()).param("spot", spotId).param("course", courseId)
                .param("limit", list.paging().limit()).param("offset", list.paging().offset())
                .query((rs, n) -> new Entry(ParticipantRow.read(rs, n), rs.getInt("done"))).list();
        long total = jdbc.sql("select count(*)" + FROM + list.where()).params(list.params())
                .param("spot", spotId).param("course", courseId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    Optional<Entry> byId(UUID spotId, UUID courseId, UUID participantId) {
        return jdbc.sql("select " + ParticipantRow.COLUMNS + ", p.completed_steps as done"
                        + FROM + " and p.id = :id")
                .param("spot", spotId).param("course", courseId).param("id", participantId)
                .query((rs, n) -> new Entry(ParticipantRow.read(rs, n), rs.getInt("done"))).optional();
    }
}
