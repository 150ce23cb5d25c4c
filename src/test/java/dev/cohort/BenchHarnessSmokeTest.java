package dev.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs the benchmark harness in its quick mode so that it cannot rot: it must complete and print every scenario.
 * No timing is asserted. Needs the PostgreSQL server at 127.0.0.1:5432 (user postgres, trust), hence enabled only
 * when {@code COHORT_BENCH_SMOKE=true} (set by {@code .ci/run}).
 */
@EnabledIfEnvironmentVariable(named = "COHORT_BENCH_SMOKE", matches = "true")
class BenchHarnessSmokeTest {
    private static final List<String> SCENARIOS = List.of("bulkAdd", "singleAdd", "link", "unlink", "remove",
            "members", "membersFiltered", "groups", "reach", "startup", "rss");

    @Test
    void the_quick_benchmark_completes_and_prints_every_scenario() throws Exception {
        Path output = Files.createTempFile("bench-smoke", ".log");
        ProcessBuilder builder = new ProcessBuilder("bench/run", "--small", "--no-write")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("BENCH_PORT", String.valueOf(freePort()));
        Process process = builder.start();
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(finished).as("bench/run --small finished in 10 minutes:\n%s", log).isTrue();
        assertThat(process.exitValue()).as("exit status of bench/run --small:\n%s", log).isZero();
        for (String scenario : SCENARIOS) {
            assertThat(log).as("scenario %s printed", scenario).containsPattern("(?m)^" + scenario + " ");
        }
        assertThat(log).contains("| scenario | target |");
        Files.delete(output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
