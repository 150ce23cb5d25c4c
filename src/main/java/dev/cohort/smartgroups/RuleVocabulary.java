package dev.cohort.smartgroups;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What rules can say, in one table: each field with its family, the operators it takes, and where its value lives
 * (the member column {@link RuleSql} compares, and the fact {@link RuleMatcher} reads); and for custom properties,
 * the operators each property type takes. {@link RuleParser} allows exactly what is listed here.
 */
final class RuleVocabulary {
    /** How a field is compared: each family has its own SQL and in-memory test. */
    enum Family { EQUALITY, TAGS, EMAIL, DATE, PROPERTY }

    /**
     * A field: its name in rules, its family, its operators, and for equality and date fields the SQL expression
     * over the member row {@code m}, its SQL type, and the member fact it reads in memory.
     */
    record Field(String name, Family family, List<String> ops, String column, String sqlType,
                 Function<MemberFacts, Object> fact) {
    }

    static final List<String> ROLES = List.of("Member", "Admin");
    static final List<String> STATUSES = List.of("Accepted", "Deactivated", "DeclinedInvitation", "Invited", "Left",
            "Pending", "Rejected");
    /** The name a member's registration source is known by in rules. */
    static final String SOURCE = "coalesce(m.registration_source->>'utm_source', m.registration_source->>'source')";

    private static final List<String> EQUALITY = List.of("eq", "neq", "in", "notin");
    private static final List<String> DATES = List.of("before", "after", "withinLastDays", "moreThanDaysAgo");

    /** Every field, in the order error messages and the API document list them. */
    private static final List<Field> TABLE = List.of(
            new Field("role", Family.EQUALITY, EQUALITY, "m.role", "text", MemberFacts::role),
            new Field("customRoleId", Family.EQUALITY, EQUALITY, "m.custom_role_id", "uuid", MemberFacts::customRoleId),
            new Field("status", Family.EQUALITY, EQUALITY, "m.status", "text", MemberFacts::status),
            new Field("registrationSource", Family.EQUALITY, EQUALITY, SOURCE, "text", MemberFacts::source),
            new Field("tags", Family.TAGS, List.of("hasAny", "hasAll", "hasNone"), null, null, null),
            new Field("email", Family.EMAIL, List.of("eq", "contains", "domainIs"), null, null, null),
            new Field("registrationDate", Family.DATE, DATES, "m.registration_date", "timestamptz",
                    MemberFacts::registrationDate),
            new Field("invitationDate", Family.DATE, DATES, "m.invitation_date", "timestamptz",
                    MemberFacts::invitationDate),
            new Field("lastActivityAt", Family.DATE, DATES, "m.last_activity_at", "timestamptz",
                    MemberFacts::lastActivityAt),
            new Field("customProperty", Family.PROPERTY, List.of(), null, null, null));

    private static final Map<String, Field> BY_NAME = new LinkedHashMap<>();

    static {
        TABLE.forEach(field -> BY_NAME.put(field.name(), field));
    }

    /** The operators of a custom property condition, by the property's type. */
    static final Map<String, List<String>> PROPERTY_OPS = Map.of(
            "Text", List.of("eq", "neq", "in", "notin", "contains", "isEmpty", "isNotEmpty"),
            "SingleSelect", List.of("eq", "neq", "in", "notin", "isEmpty", "isNotEmpty"),
            "MultipleSelect", List.of("contains", "in", "notin", "isEmpty", "isNotEmpty"),
            "Boolean", List.of("eq", "neq", "isEmpty", "isNotEmpty"),
            "Number", List.of("eq", "neq", "in", "notin", "gt", "gte", "lt", "lte", "isEmpty", "isNotEmpty"),
            "Date", List.of("eq", "neq", "gt", "gte", "lt", "lte", "isEmpty", "isNotEmpty"));

    private RuleVocabulary() {
    }

    /** The field names, in order. */
    static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The field of that name; null when there is none. */
    static Field field(String name) {
        return BY_NAME.get(name);
    }
}
