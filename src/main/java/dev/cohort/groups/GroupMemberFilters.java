package dev.cohort.groups;

import static dev.cohort.web.Filters.Op.after;
import static dev.cohort.web.Filters.Op.before;
import static dev.cohort.web.Filters.Op.gt;
import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.gte;
import static dev.cohort.web.Filters.Op.in;
import static dev.cohort.web.Filters.Op.lt;
import static dev.cohort.web.Filters.Op.lte;

import dev.cohort.members.MemberFilters;
import dev.cohort.web.Filters;
import dev.cohort.web.ListQuery;
import java.util.List;
import org.springframework.util.MultiValueMap;

/**
 * Filters of a group's member list: every member list's ({@link MemberFilters}), the membership's
 * {@code validUntil[before|after]} (also gt, gte, lt, lte), which a permanent membership never matches, and a
 * community group member's {@code groupRole[eq|in]}, which members of other groups never match.
 */
public final class GroupMemberFilters {
    static final List<String> ROLES = List.of("owner", "admin", "moderator", "member");
    /** A community group member's role (a membership without one is a plain member). */
    private static final String COMMUNITY_ROLE = "coalesce(gm.group_role, 'member')";

    private GroupMemberFilters() {
    }

    /** The filters as the OpenAPI document shows them (a community group's list: groupRole included). */
    public static Filters.Spec spec() {
        return spec(COMMUNITY_ROLE);
    }

    private static Filters.Spec spec(String role) {
        return MemberFilters.spec()
                .timestamp("validUntil", "gm.valid_until", before, after, gt, gte, lt, lte)
                .describe("validUntil", "When the membership ends (Unix seconds); permanent memberships never match")
                .enumeration("groupRole", role, ROLES, eq, in)
                .describe("groupRole", "A community group member's role; members of other groups never match");
    }

    /** A member's group role in a group of {@code kind}, as a SQL expression over the membership row {@code gm}. */
    static String role(String kind) {
        return kind.equals("community") ? COMMUNITY_ROLE : "cast(null as text)";
    }

    /** Paging, filters and {@code search} of a group member list request; {@code role} from {@link #role}. */
    static ListQuery read(MultiValueMap<String, String> query, String role) {
        return ListQuery.read(query, spec(role), params -> MemberFilters.search(query.getFirst("search"), params));
    }
}
