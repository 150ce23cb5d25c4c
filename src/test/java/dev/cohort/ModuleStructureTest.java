package dev.cohort;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house holds: dependencies point one way, with no cycle, and each table is written by its owning module only.
 * <pre>
 * errors, system, web            plumbing: import no feature module
 * spots      &lt;- members &lt;- messaging &lt;- groups &lt;- smartgroups
 *                                        groups &lt;- joining
 *                                        groups &lt;- resources &lt;- access &lt;- courses
 * </pre>
 * A module named here that does not exist yet (an empty layer) passes; a top-level package named nowhere fails.
 */
class ModuleStructureTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/cohort");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Each module and the modules it may import (all of them below it; plumbing may import plumbing below it). */
    private static final Map<String, List<String>> MAY_IMPORT = new LinkedHashMap<>();

    static {
        MAY_IMPORT.put("errors", List.of());
        MAY_IMPORT.put("system", List.of("errors"));
        MAY_IMPORT.put("web", List.of("errors", "system"));
        List<String> plumbing = List.of("errors", "system", "web");
        MAY_IMPORT.put("spots", plumbing);
        MAY_IMPORT.put("members", with(plumbing, "spots"));
        MAY_IMPORT.put("messaging", with(plumbing, "spots", "members"));
        MAY_IMPORT.put("groups", with(plumbing, "spots", "members", "messaging"));
        MAY_IMPORT.put("smartgroups", with(plumbing, "spots", "members", "messaging", "groups"));
        MAY_IMPORT.put("communities", with(plumbing, "spots", "members", "messaging", "groups"));
        MAY_IMPORT.put("joining", with(plumbing, "spots", "members", "messaging", "groups", "communities"));
        MAY_IMPORT.put("resources", with(plumbing, "spots", "members", "messaging", "groups"));
        MAY_IMPORT.put("access", with(plumbing, "spots", "members", "messaging", "groups", "communities", "resources"));
        MAY_IMPORT.put("courses", with(plumbing, "spots", "members", "messaging", "groups", "communities", "resources",
                "access"));
    }

    /**
     * Each table (as the migrations create it) and its owning module, the only one whose SQL may write it. Where two
     * modules are named, the first is the owner once its package exists, the second until then.
     */
    private static final Map<String, List<String>> OWNERS = Map.ofEntries(
            Map.entry("spot", List.of("spots")),
            Map.entry("api_key", List.of("spots")),
            Map.entry("member", List.of("members")),
            Map.entry("custom_role", List.of("members")),
            Map.entry("custom_property", List.of("members")),
            Map.entry("member_property_value", List.of("members")),
            Map.entry("tag", List.of("members")),
            Map.entry("member_tag", List.of("members")),
            Map.entry("notification", List.of("messaging")),
            Map.entry("outbox", List.of("messaging")),
            Map.entry("invitation_template", List.of("messaging")),
            Map.entry("member_group", List.of("groups")),
            Map.entry("group_membership", List.of("groups")),
            Map.entry("join_code", List.of("joining")),
            Map.entry("group_member_count", List.of("groups")),
            Map.entry("community_group", List.of("communities")),
            Map.entry("community_slug", List.of("communities")),
            Map.entry("community_settings", List.of("communities")),
            Map.entry("group_report", List.of("communities")),
            Map.entry("join_request", List.of("joining")),
            Map.entry("group_invitation", List.of("joining")),
            Map.entry("group_ban", List.of("joining")),
            Map.entry("group_subscription", List.of("joining")),
            Map.entry("smart_group_exception", List.of("smartgroups", "groups")),
            Map.entry("resource", List.of("resources", "access")),
            Map.entry("resource_group_link", List.of("access")),
            Map.entry("participant", List.of("access")),
            Map.entry("course_step", List.of("courses")),
            Map.entry("course_progress", List.of("courses")));

    /**
     * The columns a module above a table's owner keeps in that table, added by its own migration: the one kind of
     * write into another module's table allowed, each named here with why.
     */
    private static final Map<String, Map<String, String>> COLUMNS_KEPT_BY = Map.of(
            "participant", Map.of("courses", "a course participant's progress: status Started, Completed or "
                    + "Unenrolled, completed_steps, unenrolled_at (V7__courses)"),
            "member_group", Map.of("smartgroups", "a smart group's rule: kind, rule, rule_fields, rule_version, "
                    + "rule_relative, rule_evaluated_at (V8__smart_groups)"),
            "group_membership", Map.of("communities", "a community group member's role: group_role "
                    + "(V18__community_groups)"));

    private static final Pattern WRITE = Pattern.compile("\\b(insert into|update|delete from)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bcreate table\\s+([a-z_][a-z0-9_]*)");

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.cohort");
    }

    @Test
    void modules_only_import_the_modules_below_them() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
        for (String module : MAY_IMPORT.keySet()) {
            layers = layers.layer(module).definedBy("dev.cohort." + module + "..");
        }
        for (Map.Entry<String, List<String>> rule : MAY_IMPORT.entrySet()) {
            layers = rule.getValue().isEmpty() ? layers.whereLayer(rule.getKey()).mayNotAccessAnyLayer()
                    : layers.whereLayer(rule.getKey()).mayOnlyAccessLayers(rule.getValue().toArray(String[]::new));
        }
        layers.ensureAllClassesAreContainedInArchitectureIgnoring("dev.cohort").check(classes);
    }

    @Test
    void modules_import_one_another_without_cycles() {
        slices().matching("dev.cohort.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void every_table_has_one_owning_module() throws IOException {
        assertThat(OWNERS.keySet()).as("tables in OWNERS vs tables the migrations create")
                .containsExactlyInAnyOrderElementsOf(migratedTables());
        assertThat(OWNERS.values()).allSatisfy(owners -> assertThat(MAY_IMPORT).containsKeys(owners.toArray(String[]::new)));
    }

    @Test
    void each_module_writes_only_the_tables_it_owns() throws IOException {
        Set<String> modules = existingModules();
        Set<String> tables = OWNERS.keySet();
        List<String> violations = new ArrayList<>();
        int writes = 0;
        for (String module : modules) {
            for (Path file : javaFiles(SOURCES.resolve(module))) {
                Matcher write = WRITE.matcher(Files.readString(file));
                while (write.find()) {
                    String table = write.group(2);
                    if (!tables.contains(table)) {
                        continue; // "update set", "update of", a temporary table
                    }
                    writes++;
                    String owner = owner(table, modules);
                    if (!owner.equals(module)
                            && !COLUMNS_KEPT_BY.getOrDefault(table, Map.of()).containsKey(module)) {
                        violations.add(file + ": " + write.group() + " (table " + table + " is owned by " + owner
                                + ")");
                    }
                }
            }
        }
        assertThat(writes).as("writes found: the scan reads the sources").isPositive();
        assertThat(violations).as("writes into another module's table").isEmpty();
    }

    private static String owner(String table, Set<String> modules) {
        List<String> owners = OWNERS.get(table);
        return owners.stream().filter(modules::contains).findFirst().orElse(owners.get(owners.size() - 1));
    }

    private static Set<String> migratedTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher create = CREATE_TABLE.matcher(Files.readString(file));
                while (create.find()) {
                    tables.add(create.group(1).toLowerCase());
                }
            }
        }
        return tables;
    }

    private static Set<String> existingModules() throws IOException {
        try (Stream<Path> dirs = Files.list(SOURCES)) {
            return new TreeSet<>(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).toList());
        }
    }

    private static List<Path> javaFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<String> with(List<String> below, String... more) {
        List<String> all = new ArrayList<>(below);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }
}
