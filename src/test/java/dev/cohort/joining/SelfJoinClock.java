package dev.cohort.joining;

import dev.cohort.support.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The application's clock in the self-join tests: one the tests move forward (one context for all of them). */
@TestConfiguration
class SelfJoinClock {
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }
}
