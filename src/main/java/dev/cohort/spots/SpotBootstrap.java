package dev.cohort.spots;

import dev.cohort.system.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On a start with an empty database, creates the "Default Spot" and prints its key once (unless it was given). */
@Component
class SpotBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(SpotBootstrap.class);

    private final SpotService spots;
    private final Settings settings;

    SpotBootstrap(SpotService spots, Settings settings) {
        this.spots = spots;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        var givenKey = settings.get("COHORT_BOOTSTRAP_API_KEY");
        spots.bootstrap(givenKey.orElse(null), settings.get("COHORT_BOOTSTRAP_MEMBER_TOKEN_SECRET").orElse(null))
                .ifPresent(created -> {
                    if (givenKey.isPresent() && givenKey.get().length() < 24) {
                        log.warn("COHORT_BOOTSTRAP_API_KEY is short ({} characters): fine for a trial, "
                                + "use a long random key in production", givenKey.get().length());
                    }
                    if (givenKey.isPresent()) {
                        log.info("Created the Default Spot {} with the API key from COHORT_BOOTSTRAP_API_KEY",
                                created.spot().id());
                    } else {
                        log.warn("Created the Default Spot {}. Its API key, shown only this once: {}",
                                created.spot().id(), created.apiKey());
                    }
                });
    }
}
