package dev.cohort.groups;

import dev.cohort.web.Problems;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How members may join a group (SPEC rules 15-16): {@code joinType}, {@code userViewable}, the window
 * {@code startDate}..{@code stopDate} (Unix seconds, each end open when null) and {@code order}. A smart group's
 * members come from its rule, so it stays closed; a window ends after it starts.
 */
public record JoinSettings(String joinType, boolean userViewable, @Nullable Long startDate, @Nullable Long stopDate,
                           int order) {
    /** The settings of a group created without them: closed, hidden, no window, order 0. */
    public static final JoinSettings DEFAULT = new JoinSettings("closed", false, null, null, 0);
    static final String JOIN_TYPE = "Cohort: closed (default: operators add members), open (members join and leave "
            + "themselves) or code (joined with a code); a smart group is closed";
    static final String START_DATE = "Cohort: Unix seconds from which members see and join the group; null: no start";
    static final String STOP_DATE = "Cohort: Unix seconds until which members see and join the group (after "
            + "startDate); null: no end";
    /** The latest date accepted: 9999-12-31T23:59:59Z (a group's window, and a join code's inside it). */
    public static final long MAX_DATE = 253402300799L;

    /** Whether members may join the group themselves (open or with a code). */
    public boolean selfJoin() {
        return !joinType.equals("closed");
    }

    /** A new group's settings, the body's values over the defaults; problems for a smart self-join group. */
    static JoinSettings create(boolean smart, @Nullable String joinType, @Nullable Boolean userViewable,
                               @Nullable Long startDate, @Nullable Long stopDate, @Nullable Integer order,
                               Problems problems) {
        JoinSettings settings = new JoinSettings(joinType == null ? DEFAULT.joinType : joinType,
                userViewable == null ? DEFAULT.userViewable : userViewable, startDate, stopDate,
                order == null ? DEFAULT.order : order);
        settings.check(smart, problems);
        return settings;
    }

    /**
     * The columns a partial update changes (absent fields are left out, a null date clears it), checked with the
     * group's current settings: the window as it will be, and a group that is or becomes smart stays closed.
     */
    static Map<String, Object> update(Group current, boolean smart, @Nullable String joinType,
                                      @Nullable Boolean userViewable, @Nullable Optional<Long> startDate,
                                      @Nullable Optional<Long> stopDate, @Nullable Integer order, Problems problems) {
        new JoinSettings(joinType == null ? current.joinType() : joinType, false,
                startDate == null ? current.startDate() : startDate.orElse(null),
                stopDate == null ? current.stopDate() : stopDate.orElse(null), 0).check(smart, problems);
        Map<String, Object> columns = new LinkedHashMap<>();
        if (joinType != null) {
            columns.put("join_type", joinType);
        }
        if (userViewable != null) {
            columns.put("user_viewable", userViewable);
        }
        if (startDate != null) {
            columns.put("start_date", timestamp(startDate.orElse(null)));
        }
        if (stopDate != null) {
            columns.put("stop_date", timestamp(stopDate.orElse(null)));
        }
        if (order != null) {
            columns.put("sort_order", order);
        }
        return columns;
    }

    private void check(boolean smart, Problems problems) {
        if (smart && selfJoin()) {
            problems.add("joinType", "a smart group's members come from its rule: members cannot join it "
                    + "themselves (joinType must be closed)");
        }
        if (startDate != null && stopDate != null && stopDate <= startDate) {
            problems.add("stopDate", "must be after startDate (" + startDate + ")");
        }
    }

    /** Unix seconds as the timestamp the database stores; null stays null. */
    static @Nullable OffsetDateTime timestamp(@Nullable Long seconds) {
        return seconds == null ? null : OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    }
}
