package dev.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Dependencies point one way: spots ← members ← groups ← access ← courses, groups ← smartgroups; plumbing (web, errors, system) on no feature. */
class ModuleStructureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/cohort");

    /** For each module, the feature modules it must not import. */
    private static final Map<String, List<String>> FORBIDDEN = Map.of(
            "errors", List.of("spots", "members", "groups", "access", "courses", "messaging", "web", "system"),
            "web", List.of("spots", "members", "groups", "access", "courses", "messaging"),
            "system", List.of("spots", "members", "groups", "access", "courses", "messaging"),
            "spots", List.of("members", "groups", "access", "courses", "messaging"),
            "members", List.of("groups", "access", "courses", "messaging"),
            "groups", List.of("smartgroups", "access", "courses", "messaging"),
            "smartgroups", List.of("access", "courses", "messaging"),
            "access", List.of("courses", "messaging"),
            "courses", List.of("messaging"),
            "messaging", List.of("access", "groups", "courses"));

    @Test
    void modules_only_import_the_modules_below_them() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> rule : FORBIDDEN.entrySet()) {
            try (Stream<Path> files = Files.walk(SOURCES.resolve(rule.getKey()))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(file)) {
                        for (String target : rule.getValue()) {
                            if (line.startsWith("import dev.cohort." + target + ".")
                                    || line.startsWith("import static dev.cohort." + target + ".")) {
                                violations.add(file + ": " + line);
                            }
                        }
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
