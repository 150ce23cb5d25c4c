package dev.cohort.smartgroups;

import dev.cohort.system.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The planner settings a whole-Spot evaluation runs with ({@code COHORT_SMART_WORK_MEM},
 * {@code COHORT_SMART_PARALLEL_WORKERS}), set for its statements only and restored after.
 */
@Component
class PlannerSettings {
    private final JdbcClient jdbc;
    private final String workMem;
    /** Parallel workers per evaluation statement, or null to leave PostgreSQL's setting. */
    private final String parallelWorkers;

    PlannerSettings(JdbcClient jdbc, Settings settings) {
        this.jdbc = jdbc;
        this.workMem = settings.get("COHORT_SMART_WORK_MEM").orElse("256MB");
        this.parallelWorkers = parallelWorkers(settings, Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@code COHORT_SMART_PARALLEL_WORKERS}: a number of workers, or {@code default} for PostgreSQL's own setting.
     * Unset, evaluations run serially on a machine of fewer than 4 cores: there the leader and two workers share two
     * cores and an evaluation took 1.8 s instead of 1.05 s serially (BENCHMARKS.md), and PostgreSQL decides elsewhere.
     */
    static String parallelWorkers(Settings settings, int cores) {
        String value = settings.get("COHORT_SMART_PARALLEL_WORKERS").orElse(cores < 4 ? "0" : "default");
        if (value.equalsIgnoreCase("default")) {
            return null;
        }
        try {
            int workers = Integer.parseInt(value);
            if (workers >= 0 && workers <= 64) {
                return Integer.toString(workers);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalStateException("COHORT_SMART_PARALLEL_WORKERS must be a number of workers from 0 to 64 or "
                + "\"default\", not \"" + value + "\"");
    }

    /**
     * Plans {@code work} for evaluating a rule over a whole Spot: room to hash the members holding a
     * tag or a property value (a million ids need some 100 MB; with the default 4 MB a condition under
     * {@code or}/{@code not} would be re-scanned per member), and hash joins rather than nested loops, which the
     * planner picks when it underestimates how many values match a condition on JSON (one index lookup per member:
     * 9 s instead of 2.4 s over a million members); and the parallel workers of {@code COHORT_SMART_PARALLEL_WORKERS}.
     */
    <T> T evaluating(Supplier<T> work) {
        Map<String, String> planned = new LinkedHashMap<>();
        planned.put("work_mem", workMem);
        planned.put("enable_nestloop", "off");
        // Custom plans too: a statement run often enough becomes a server-side prepared statement, whose generic
        // plan knows neither the Spot's size nor the tags' frequency.
        planned.put("plan_cache_mode", "force_custom_plan");
        // No JIT compilation either: it spends some 120 ms compiling an evaluation that it does not make faster.
        planned.put("jit", "off");
        if (parallelWorkers != null) {
            planned.put("max_parallel_workers_per_gather", parallelWorkers);
        }
        Map<String, String> before = new LinkedHashMap<>();
        jdbc.sql("select s.name, current_setting(s.name) from unnest(cast(:names as text[])) as s(name)")
                .param("names", planned.keySet().toArray(String[]::new))
                .query(rs -> {
                    before.put(rs.getString(1), rs.getString(2));
                });
        settings(planned);
        try {
            return work.get();
        } finally {
            // The statements that follow (invitations of the members who entered) keep the usual plans.
            settings(before);
        }
    }

    /** Sets each setting for the rest of the transaction. */
    private void settings(Map<String, String> values) {
        jdbc.sql("select set_config(s.name, s.value, true) "
                        + "from unnest(cast(:names as text[]), cast(:values as text[])) as s(name, value)")
                .param("names", values.keySet().toArray(String[]::new))
                .param("values", values.values().toArray(String[]::new))
                .query().listOfRows();
    }
}
