package dev.cohort.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One database engine, PostgreSQL: an external server when {@code COHORT_DB_URL} is set, otherwise a real
 * PostgreSQL started by Cohort itself with its data under {@code COHORT_DATA_DIR/postgres}, kept across restarts.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {
    private static final Logger log = LoggerFactory.getLogger(DatabaseConfig.class);

    @Bean(destroyMethod = "close")
    DataSource dataSource(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("cohort");
        config.setMaximumPoolSize(settings.integer("COHORT_DB_POOL_SIZE", 16));
        var url = settings.get("COHORT_DB_URL");
        if (url.isPresent()) {
            config.setJdbcUrl(url.get());
            settings.get("COHORT_DB_USER").ifPresent(config::setUsername);
            settings.get("COHORT_DB_PASSWORD").ifPresent(config::setPassword);
            log.info("Using external PostgreSQL at {}", url.get());
            return new HikariDataSource(config);
        }
        EmbeddedPostgres postgres = startEmbedded(settings.dataDir().resolve("postgres"));
        config.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        config.setUsername("postgres");
        return new EmbeddedDataSource(config, postgres);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    private static EmbeddedPostgres startEmbedded(Path dir) {
        try {
            Files.createDirectories(dir);
            long started = System.nanoTime();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    // The library starts PostgreSQL for throwaway test data (fsync and synchronous commit off);
                    // this is the service's real data, so a committed change must survive a crash.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), dir,
                    (System.nanoTime() - started) / 1_000_000);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** A pool over the embedded server that stops the server when it is closed. */
    static final class EmbeddedDataSource extends HikariDataSource {
        private final EmbeddedPostgres postgres;

        EmbeddedDataSource(HikariConfig config, EmbeddedPostgres postgres) {
            super(config);
            this.postgres = postgres;
        }

        @Override
        public void close() {
            super.close();
            try {
                postgres.close();
                log.info("Embedded PostgreSQL stopped");
            } catch (IOException e) {
                log.warn("Could not stop the embedded PostgreSQL cleanly", e);
            }
        }
    }
}
