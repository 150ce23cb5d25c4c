package dev.cohort.smartgroups;

import static dev.cohort.smartgroups.SmartGroups.assertMembers;
import static dev.cohort.smartgroups.SmartGroups.body;
import static dev.cohort.smartgroups.SmartGroups.cond;
import static dev.cohort.smartgroups.SmartGroups.group;
import static dev.cohort.smartgroups.SmartGroups.member;
import static dev.cohort.smartgroups.SmartGroups.smart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import dev.cohort.support.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * withinLastDays / moreThanDaysAgo conditions move with time: the scheduled job ({@link SmartGroupRefresher}) re-evaluates
 * them against the application's clock, here a {@link MutableClock} the test moves forward.
 */
@Import(SmartGroupRelativeDatesApiTest.Clocks.class)
class SmartGroupRelativeDatesApiTest extends ApiTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

    @Autowired
    MutableClock clock;

    @Autowired
    SmartGroupRefresher refresher;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static long evaluatedAt(Api.SpotClient spot, String group) {
        JsonNode at = group(spot, group).path("ruleEvaluatedAt");
        assertThat(at.isNumber()).as("ruleEvaluatedAt of " + group).isTrue();
        return at.asLong();
    }

    @Test
    void members_leave_within_last_days_and_enter_more_than_days_ago_when_the_job_runs_after_time_passes() {
        Api.SpotClient spot = newSpot();
        String within = smart(spot, "Registered within 30 days", cond("registrationDate", "withinLastDays", 30));
        String older = smart(spot, "Registered more than 30 days ago", cond("registrationDate", "moreThanDaysAgo", 30));
        String admins = smart(spot, "Admins", cond("role", "eq", "Admin"));
        String fresh = member(spot, body("email", "fresh@example.com", "status", "Accepted", "role", "Admin"));
        String invited = spot.member("invited@example.com");               // no registration date: never matches
        assertMembers(spot, within, fresh);
        assertMembers(spot, older);
        long withinBefore = evaluatedAt(spot, within);
        long olderBefore = evaluatedAt(spot, older);
        long adminsBefore = evaluatedAt(spot, admins);

        clock.advance(Duration.ofDays(31));
        long advancedAt = clock.millis();
        assertMembers(spot, within, List.of(fresh), "nothing moves before the job runs");
        int refreshed = refresher.refreshRelative();
        assertThat(refreshed).as("groups with relative rules refreshed (every Spot)").isGreaterThanOrEqualTo(2);

        assertMembers(spot, within);
        assertMembers(spot, older, fresh);
        assertThat(evaluatedAt(spot, within)).isGreaterThan(withinBefore).isGreaterThanOrEqualTo(advancedAt - 1000);
        assertThat(evaluatedAt(spot, older)).isGreaterThan(olderBefore).isGreaterThanOrEqualTo(advancedAt - 1000);
        assertThat(evaluatedAt(spot, admins)).as("a rule without relative dates is not re-evaluated")
                .isEqualTo(adminsBefore);
        assertMembers(spot, admins, fresh);
        assertThat(invited).isNotNull();
    }

    @Test
    void a_member_created_after_time_passed_is_evaluated_with_the_clocks_time() {
        Api.SpotClient spot = newSpot();
        clock.advance(Duration.ofDays(31));
        List<String> groups = new ArrayList<>();
        int[] days = {10, 30, 60};
        for (int n : days) {
            groups.add(smart(spot, "within " + n, cond("registrationDate", "withinLastDays", n)));
            groups.add(smart(spot, "more than " + n, cond("registrationDate", "moreThanDaysAgo", n)));
        }
        String late = member(spot, body("email", "late@example.com", "status", "Accepted"));
        long registeredAt = spot.get("/v1/spotMembers/" + late).expect(200).body().path("registrationDate").asLong();
        long now = clock.millis();
        // Whether the registration date comes from the clock or the database, the rule compares it with the clock's
        // "now" (31 days ahead of the database's when the date comes from the database).
        for (int i = 0; i < days.length; i++) {
            long threshold = now - Duration.ofDays(days[i]).toMillis();
            boolean inWithin = registeredAt >= threshold;
            assertMembers(spot, groups.get(2 * i), inWithin ? List.of(late) : List.of(),
                    "withinLastDays " + days[i] + " (registered " + registeredAt + ", clock " + now + ")");
            assertMembers(spot, groups.get(2 * i + 1), inWithin ? List.of() : List.of(late),
                    "moreThanDaysAgo " + days[i] + " (registered " + registeredAt + ", clock " + now + ")");
        }
        // and a whole-Spot evaluation agrees with the one made as the member was created
        refresher.refreshRelative();
        for (int i = 0; i < days.length; i++) {
            long threshold = now - Duration.ofDays(days[i]).toMillis();
            boolean inWithin = registeredAt >= threshold;
            assertMembers(spot, groups.get(2 * i), inWithin ? List.of(late) : List.of(), "after refresh, within "
                    + days[i]);
        }
    }
}
