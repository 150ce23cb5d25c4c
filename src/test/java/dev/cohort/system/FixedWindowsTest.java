package dev.cohort.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fixed-window counter behind the request limit and the join-code attempts: counting, waits, memory. */
class FixedWindowsTest {
    @Test
    void a_key_gets_its_permits_per_window_then_the_seconds_until_the_window_ends() {
        FixedWindows windows = FixedWindows.parse("LIMIT", "10/10m", "3/10s");
        assertThat(windows.acquire("a", 1_000)).isZero();
        assertThat(windows.acquire("a", 2_000)).isZero();
        assertThat(windows.acquire("a", 3_000)).isZero();
        assertThat(windows.acquire("a", 3_500)).isEqualTo(8); // the window opened at 1 s ends at 11 s
        assertThat(windows.acquire("b", 3_500)).isZero();
        assertThat(windows.wait("a", 10_999)).isEqualTo(1);
        assertThat(windows.acquire("a", 11_000)).isZero();
    }

    @Test
    void off_counts_nothing_and_a_bad_setting_names_itself() {
        FixedWindows off = FixedWindows.parse("LIMIT", "10/10m", "off");
        for (int i = 0; i < 1000; i++) {
            assertThat(off.acquire("a", i)).isZero();
        }
        assertThat(off.size()).isZero();
        assertThatThrownBy(() -> FixedWindows.parse("COHORT_X", "10/10m", "ten a minute"))
                .hasMessageContaining("COHORT_X").hasMessageContaining("10/10m");
    }

    @Test
    void ended_windows_are_dropped_so_memory_follows_the_keys_of_the_last_window_only() {
        FixedWindows windows = FixedWindows.parse("LIMIT", "10/10m", "2/1s");
        for (int i = 0; i < 10_000; i++) {
            windows.count("member-" + i, 0);
        }
        assertThat(windows.size()).isEqualTo(10_000);
        // a second later every one of those windows has ended: the next use drops them
        windows.count("late", 1_000);
        assertThat(windows.size()).isEqualTo(1);
        // a window that has not ended is kept, with its count
        windows.count("late", 1_500);
        assertThat(windows.wait("late", 1_600)).isEqualTo(1);
        windows.acquire("other", 2_100); // drops "late": its window opened at 1.0 s and ended at 2.0 s
        assertThat(windows.size()).isEqualTo(1);
        assertThat(windows.wait("late", 2_100)).isZero();
    }
}
