package dev.cohort.smartgroups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.system.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code COHORT_SMART_PARALLEL_WORKERS}: the parallel workers of the statements evaluating a rule over a Spot. */
class SmartParallelWorkersTest {

    private static Settings settings(String value) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test",
                value == null ? Map.of() : Map.of("COHORT_SMART_PARALLEL_WORKERS", value)));
        return new Settings(env);
    }

    @Test
    void unset_it_is_serial_below_4_cores_and_postgresqls_own_setting_from_4() {
        assertThat(PlannerSettings.parallelWorkers(settings(null), 1)).isEqualTo("0");
        assertThat(PlannerSettings.parallelWorkers(settings(null), 3)).isEqualTo("0");
        assertThat(PlannerSettings.parallelWorkers(settings(null), 4)).isNull();
        assertThat(PlannerSettings.parallelWorkers(settings(null), 32)).isNull();
    }

    @Test
    void a_number_of_workers_or_default_is_taken_as_given_whatever_the_cores() {
        assertThat(PlannerSettings.parallelWorkers(settings("2"), 2)).isEqualTo("2");
        assertThat(PlannerSettings.parallelWorkers(settings(" 0 "), 16)).isEqualTo("0");
        assertThat(PlannerSettings.parallelWorkers(settings("DEFAULT"), 2)).isNull();
    }

    @Test
    void anything_else_stops_the_service_with_a_message_naming_the_setting() {
        for (String bad : new String[] {"-1", "65", "two", "1.5"}) {
            assertThatThrownBy(() -> PlannerSettings.parallelWorkers(settings(bad), 2))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("COHORT_SMART_PARALLEL_WORKERS").hasMessageContaining(bad);
        }
    }
}
