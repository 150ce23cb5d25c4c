package dev.cohort.groups;

import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.gt;
import static dev.cohort.web.Filters.Op.gte;
import static dev.cohort.web.Filters.Op.in;
import static dev.cohort.web.Filters.Op.lt;
import static dev.cohort.web.Filters.Op.lte;
import static dev.cohort.web.Filters.Op.neq;

import dev.cohort.web.Filters;

/** Filters of the group list: MeltingSpot's {@code name[eq]}, {@code name[contains]}, and Cohort's kind, counts and self-join settings. */
final class GroupFilters {
    static final Filters.Spec SPEC = Filters.spec()
            .text("name", "g.name", eq, neq, contains)
            .enumeration("kind", "g.kind", java.util.List.of("static", "smart", "community"), eq, neq)
            .integer("membersCount", GroupRepository.MEMBERS_COUNT, eq, neq, gt, gte, lt, lte)
            .integer("resourcesCount", GroupRepository.RESOURCES_COUNT, eq, neq, gt, gte, lt, lte)
            .enumeration("joinType", "g.join_type", java.util.List.of("closed", "open", "code"), eq, in)
            .enumeration("userViewable", "g.user_viewable::text", java.util.List.of("true", "false"), eq);

    private GroupFilters() {
    }
}
