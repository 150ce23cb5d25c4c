package dev.cohort.groups;

import static dev.cohort.web.Filters.Op.after;
import static dev.cohort.web.Filters.Op.before;
import static dev.cohort.web.Filters.Op.gt;
import static dev.cohort.web.Filters.Op.gte;
import static dev.cohort.web.Filters.Op.lt;
import static dev.cohort.web.Filters.Op.lte;

import dev.cohort.members.MemberFilters;
import dev.cohort.web.Filters;
import dev.cohort.web.ListQuery;
import org.springframework.util.MultiValueMap;

/**
 * Filters of a group's member list: every member list's ({@link MemberFilters}) and the membership's
 * {@code validUntil[before|after]} (also gt, gte, lt, lte), which a permanent membership never matches.
 */
final class GroupMemberFilters {
    private GroupMemberFilters() {
    }

    static Filters.Spec spec() {
        return MemberFilters.spec()
                .timestamp("validUntil", "gm.valid_until", before, after, gt, gte, lt, lte)
                .describe("validUntil", "When the membership ends (Unix seconds); permanent memberships never match");
    }

    /** Paging, filters and {@code search} of a group member list request. */
    static ListQuery read(MultiValueMap<String, String> query) {
        return ListQuery.read(query, spec(), params -> MemberFilters.search(query.getFirst("search"), params));
    }
}
