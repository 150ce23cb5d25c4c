package dev.cohort.members;

import static dev.cohort.web.Filters.Op.after;
import static dev.cohort.web.Filters.Op.before;
import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.gt;
import static dev.cohort.web.Filters.Op.gte;
import static dev.cohort.web.Filters.Op.in;
import static dev.cohort.web.Filters.Op.lt;
import static dev.cohort.web.Filters.Op.lte;
import static dev.cohort.web.Filters.Op.neq;
import static dev.cohort.web.Filters.Op.notin;

import dev.cohort.web.Filters;
import dev.cohort.web.ListQuery;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;

/**
 * The filters every member list accepts (the spot-members list, a group's and a tag's members): MeltingSpot's
 * {@code email[in]}, {@code firstname[in]}, {@code lastname[in]}, {@code customRoleId[eq]},
 * {@code invitationDate[before|after]}, {@code registrationDate[before|after]}, and Cohort's own fields and
 * operators, plus {@code search} (case-insensitive substring of first name, last name or email).
 */
public final class MemberFilters {
    private MemberFilters() {
    }

    public static Filters.Spec spec() {
        return Filters.spec()
                .email("email", "m.email", eq, neq, in, notin, contains)
                .text("firstname", "m.firstname", eq, neq, in, notin, contains)
                .text("lastname", "m.lastname", eq, neq, in, notin, contains)
                .uuid("customRoleId", "m.custom_role_id", eq, neq, in, notin)
                .enumeration("status", "m.status", MemberStatus.ALL, eq, neq, in, notin)
                .enumeration("role", "m.role", MemberStatus.ROLES, eq, neq, in, notin)
                .enumeration("lang", "m.lang", MemberStatus.LANGS, eq, neq, in, notin)
                .timestamp("invitationDate", "m.invitation_date", before, after, gt, gte, lt, lte)
                .timestamp("registrationDate", "m.registration_date", before, after, gt, gte, lt, lte)
                .timestamp("lastActivityAt", "m.last_activity_at", before, after, gt, gte, lt, lte)
                .timestamp("updatedAt", "m.updated_at", before, after, gt, gte, lt, lte)
                .custom("tags", MemberFilters::tags, in, notin, eq)
                .plain("search")
                .describe("search", "Case-insensitive text found in the first name, last name (or both) or email")
                .describe("tags", "tag ids or names");
    }

    /** {@code tags[in]}: has any of the tags (ids or names); {@code tags[notin]}: has none of them. */
    private static String tags(Filters.Op op, List<String> values, Filters.Params params) {
        List<UUID> ids = Filters.uuids(values);
        List<String> names = values.stream().map(v -> v.toLowerCase(java.util.Locale.ROOT)).toList();
        String match = "exists (select 1 from member_tag mt join tag tg on tg.spot_id = mt.spot_id and tg.id = mt.tag_id"
                + " where mt.spot_id = m.spot_id and mt.member_id = m.id and (lower(tg.name) in (" + params.bind(names) + ")"
                + (ids.isEmpty() ? "" : " or tg.id in (" + params.bind(ids) + ")") + "))";
        return op == notin ? "not " + match : match;
    }

    /** Paging, filters and {@code search} of a member list request. */
    public static ListQuery read(MultiValueMap<String, String> query) {
        return ListQuery.read(query, spec(), params -> search(query.getFirst("search"), params));
    }

    /** The {@code search} condition, or "" when there is none. */
    public static String search(String search, Filters.Params params) {
        if (search == null || search.isBlank()) {
            return "";
        }
        String p = params.bind("%" + Filters.escapeLike(search.trim()) + "%");
        return " and (m.firstname ilike " + p + " or m.lastname ilike " + p + " or m.email ilike " + p
                + " or (m.firstname || ' ' || m.lastname) ilike " + p + ")";
    }
}
