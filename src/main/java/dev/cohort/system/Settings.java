package dev.cohort.system;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Every setting Cohort reads, by the name of its environment variable (the README lists them). They can also be
 * given as Java system properties or Spring properties of the same name.
 */
@Component
public class Settings {
    private final Environment env;

    public Settings(Environment env) {
        this.env = env;
    }

    public Optional<String> get(String name) {
        String value = env.getProperty(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public int integer(String name, int fallback) {
        return get(name).map(Integer::parseInt).orElse(fallback);
    }

    public Path dataDir() {
        return Path.of(get("COHORT_DATA_DIR").orElse("data")).toAbsolutePath();
    }

    public Optional<String> adminToken() {
        return get("COHORT_ADMIN_TOKEN");
    }

    /** The most ids one bulk call may carry. */
    public int bulkLimit() {
        return integer("COHORT_BULK_LIMIT", 1000);
    }

    /**
     * Where the host platform's pages are (COHORT_PUBLIC_URL, default http://localhost:8080), without a trailing
     * slash: the links of invitation emails and community groups' join URLs start with it.
     */
    public String publicUrl() {
        String url = get("COHORT_PUBLIC_URL").orElse("http://localhost:8080");
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String rateLimit() {
        return get("COHORT_RATE_LIMIT").orElse("100/10s");
    }
}
