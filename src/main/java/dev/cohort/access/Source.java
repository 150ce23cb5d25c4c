package dev.cohort.access;

/**
 * A reason a member holds a resource. Each is kept on the participant row (a flag, or for groups a count of the
 * linked groups holding the member), so that taking one away decides "is anything left?" from that row alone.
 */
enum Source {
    GROUP("group_sources", "1", "group_sources = p.group_sources + 1",
            "p.group_sources = 1 and not p.direct and not p.self_enrolled",
            "group_sources = p.group_sources - 1", "p.group_sources > 0"),
    DIRECT("direct", "true", "direct = true",
            "p.direct and p.group_sources = 0 and not p.self_enrolled", "direct = false", "p.direct"),
    SELF("self_enrolled", "true", "self_enrolled = true",
            "p.self_enrolled and p.group_sources = 0 and not p.direct", "self_enrolled = false", "p.self_enrolled");

    final String column;
    final String initial;
    final String add;
    /** True on a row whose only source is this one: removing it removes the participant. */
    final String onlySource;
    final String remove;
    final String held;

    Source(String column, String initial, String add, String onlySource, String remove, String held) {
        this.column = column;
        this.initial = initial;
        this.add = add;
        this.onlySource = onlySource;
        this.remove = remove;
        this.held = held;
    }
}
