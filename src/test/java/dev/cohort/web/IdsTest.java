package dev.cohort.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ids.timeOrdered: the version 7 layout, and ids that sort by creation time the way PostgreSQL sorts uuids. */
class IdsTest {

    /** The 48-bit Unix millisecond timestamp at the front of a version 7 UUID. */
    private static long millis(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    @Test
    void a_time_ordered_id_is_version_7_with_the_ietf_variant() {
        for (int i = 0; i < 1000; i++) {
            UUID id = Ids.timeOrdered();
            assertThat(id.version()).as(id.toString()).isEqualTo(7);
            assertThat(id.variant()).as(id.toString()).isEqualTo(2);
        }
    }

    @Test
    void its_first_48_bits_are_the_unix_milliseconds_it_was_made_at() {
        long before = System.currentTimeMillis();
        UUID id = Ids.timeOrdered();
        long after = System.currentTimeMillis();
        assertThat(millis(id)).isBetween(before, after);
    }

    @Test
    void an_id_made_in_a_later_millisecond_sorts_after_as_unsigned_bytes() {
        // PostgreSQL orders uuids as unsigned byte strings; with different timestamps the first 8 bytes decide.
        // Twenty pairs: were the random bits in front, they would all come out in order by a one-in-a-million chance.
        for (int i = 0; i < 20; i++) {
            UUID earlier = Ids.timeOrdered();
            while (System.currentTimeMillis() <= millis(earlier)) {
                Thread.onSpinWait();
            }
            UUID later = Ids.timeOrdered();
            assertThat(Long.compareUnsigned(later.getMostSignificantBits(), earlier.getMostSignificantBits()))
                    .as("%s after %s", later, earlier).isPositive();
        }
    }

    @Test
    void ten_thousand_ids_made_in_a_few_milliseconds_are_distinct() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ids.timeOrdered());
        }
        assertThat(ids).hasSize(10_000);
    }
}
