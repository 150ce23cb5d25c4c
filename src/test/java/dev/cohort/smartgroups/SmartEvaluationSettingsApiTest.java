package dev.cohort.smartgroups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.ApiTest;
import dev.cohort.system.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The settings an evaluation plans with hold for its work only; the transaction's own come back after. */
class SmartEvaluationSettingsApiTest extends ApiTest {
    @Autowired
    PlannerSettings smart;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Settings settings;

    private Map<String, String> current() {
        return jdbc.sql("select current_setting('work_mem') as work_mem, "
                        + "current_setting('enable_nestloop') as enable_nestloop, "
                        + "current_setting('plan_cache_mode') as plan_cache_mode, current_setting('jit') as jit, "
                        + "current_setting('max_parallel_workers_per_gather') as workers")
                .query((rs, n) -> Map.of("work_mem", rs.getString(1), "enable_nestloop", rs.getString(2),
                        "plan_cache_mode", rs.getString(3), "jit", rs.getString(4), "workers", rs.getString(5)))
                .single();
    }

    @Test
    void an_evaluation_plans_with_its_own_settings_and_restores_the_transactions() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("select set_config('work_mem', '7MB', true), set_config('jit', 'on', true)").query().listOfRows();
            Map<String, String> before = current();
            Map<String, String> during = smart.evaluating(this::current);
            String workers = PlannerSettings.parallelWorkers(settings,
                    Runtime.getRuntime().availableProcessors());
            assertThat(during).isEqualTo(Map.of("work_mem", "256MB", "enable_nestloop", "off",
                    "plan_cache_mode", "force_custom_plan", "jit", "off",
                    "workers", workers == null ? before.get("workers") : workers));
            assertThat(current()).isEqualTo(before);
            assertThat(before).containsEntry("work_mem", "7MB").containsEntry("jit", "on");
        });
    }
}
