package dev.cohort.access;

/**
 * A reason a member holds a resource. Each is kept on the participant row (a flag, or for groups a count of the
 * linked groups holding the member), so that taking one away decides "is anything left?" from that row alone.
 */
enum Source {
    GROUP("group_sources", "1", "group_sources = p.group_sources + 1", "group_sources = p.group_sources - 1",
            "p.group_sources > 0", "p.group_sources = 1 and not p.direct and not p.self_enrolled"),
    DIRECT("direct", "true", "direct = true", "direct = false", "p.direct",
            "p.direct and p.group_sources = 0 and not p.self_enrolled"),
    SELF("self_enrolled", "true", "self_enrolled = true", "self_enrolled = false", "p.self_enrolled",
            "p.self_enrolled and p.group_sources = 0 and not p.direct");

    final String column;
    final String initial;
    final String add;
    final String remove;
    /** True on a row that has this source. */
    final String held;
    /** True on a row whose only source is this one: removing it removes the participant. */
    final String onlySource;

    Source(String column, String initial, String add, String remove, String held, String onlySource) {
        this.onlySource = onlySource;
        this.column = column;
        this.initial = initial;
        this.add = add;
        this.remove = remove;
        this.held = held;
    }
}
