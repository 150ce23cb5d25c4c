package dev.cohort.joining;

import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The self-join tests' common ground: the clock they move (reset around each test) and a fixture on a new Spot. */
@Import(SelfJoinClock.class)
abstract class SelfJoinApiTest extends ApiTest {
    @Autowired
    MutableClock clock;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    SelfJoinFixture fixture() {
        return new SelfJoinFixture(newSpot(), clock);
    }
}
