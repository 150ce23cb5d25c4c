package dev.cohort.access;

import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.in;
import static dev.cohort.web.Filters.Op.neq;
import static dev.cohort.web.Filters.Op.notin;

import dev.cohort.members.MemberFilters;
import dev.cohort.resources.ResourceType;
import dev.cohort.web.Filters;
import dev.cohort.web.ListQuery;
import java.util.List;
import org.springframework.util.MultiValueMap;

/** The filters of the live and course participant lists (MeltingSpot's, plus {@code search}). */
final class ParticipantFilters {
    private static final String SEARCH = "Case-insensitive text found in the first name, last name (or both) or email";
    private static final Filters.Spec LIVE = Filters.spec()
            .text("firstname", "m.firstname", eq, contains, in)
            .text("lastname", "m.lastname", eq, contains, in)
            .email("email", "m.email", eq, contains, in)
            .enumeration("type", "p.type", List.of("Participant", "Speaker", "Host"), eq, in)
            .enumeration("status", "p.status", List.of("Accepted", "Invited", "Declined"), eq, in, neq, notin)
            .enumeration("hasReplayed", "'false'", List.of("true", "false"), eq)
            .enumeration("hasParticipated", "'false'", List.of("true", "false"), eq)
            .plain("search")
            .describe("search", SEARCH);

    private static final Filters.Spec COURSE = Filters.spec()
            .text("firstname", "m.firstname", eq, contains, in)
            .text("lastname", "m.lastname", eq, contains, in)
            .email("email", "m.email", eq, contains, in)
            .enumeration("status", "p.status", List.of("Invited", "Started", "Completed", "Unenrolled"),
                    eq, in, neq, notin)
            .plain("search")
            .describe("search", SEARCH);

    private ParticipantFilters() {
    }

    static ListQuery read(ResourceType type, MultiValueMap<String, String> query) {
        Filters.Spec spec = type == ResourceType.LIVE ? LIVE : COURSE;
        return ListQuery.read(query, spec, params -> MemberFilters.search(query.getFirst("search"), params));
    }
}
