import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Smart groups benchmark (issue 6): the three scale targets against a running Cohort on PostgreSQL, over HTTP on
 * loopback from one client, each in a Spot of its own created through the admin API.
 * <ul>
 * <li>{@code evaluate}: a Spot of N members (default 1,000,000) written by set-based SQL (after its tags and custom
 * properties were created through the API, so that their ids are the service's), then VACUUM (ANALYZE); times
 * {@code POST /v1/groups~previewRule}, {@code POST /v1/groups} with kind smart (evaluates and stores the membership),
 * {@code POST /v1/groups/{id}~previewRule} of a changed rule and {@code PUT /v1/groups/{id}} with it, and the
 * preview of a rule with negations under any. A call still running after --cap seconds (default 60) is abandoned and
 * the service's statements are cancelled.</li>
 * <li>{@code tag}: a Spot of M members (default 10,000) with G smart groups (default 1,000, random rules over tags,
 * two custom properties, status and role) created through the API; times tagging and untagging one member
 * ({@code /v1/tags/{id}/spotMembers~bulkAssign} / {@code ~bulkUnassign} with one id), after the same with no smart
 * group as a baseline.</li>
 * <li>{@code import}: a CSV of R rows (default 100,000: email, names, status, tags, plan, seats) imported with
 * {@code POST /v1/spotMembers~import} into a Spot with S smart groups (default 100), after the same file into a Spot
 * without smart groups as a baseline.</li>
 * </ul>
 * Every stored membership measured is checked against the rule evaluated by this program's own SQL translation of
 * the rule (an independent evaluator): the smart groups of {@code tag} and {@code import} all, the group of
 * {@code evaluate} after each change, plus membersCount = previewRule count = SQL count for a few groups.
 * Writes a markdown table (target, measured, met/missed) and notes to the file named by -Dbench.out.
 * <p>
 * Arguments: baseUrl adminToken jdbcUrl [--evaluate-members N] [--runs R] [--tag-members M] [--tag-groups G]
 * [--tag-requests Q] [--import-rows R] [--import-groups S] [--scenarios evaluate,tag,import] [--cap SECONDS]
 */
public class SmartGroupBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /**
     * In this order, in one database: the evaluation comes last and so scans tables that also hold the tag and import
     * scenarios' 210,000 members (its parallel scans read every Spot's rows). {@code --scenarios evaluate} measures
     * it alone.
     */
    static final List<String> ALL = List.of("tag", "import", "evaluate");
    static final String[] STATUSES = {"Accepted", "Deactivated", "DeclinedInvitation", "Invited", "Left", "Pending",
        "Rejected"};
    static final String[] PLANS = {"free", "pro", "team"};

    static String base;
    static String admin;
    static String jdbcUrl;
    /** Seconds an evaluate call may take before the harness gives up and cancels the service's statements. */
    static int cap;
    static final List<String[]> rows = new ArrayList<>(); // target, measured, met/missed
    static final List<String> notes = new ArrayList<>();
    static final List<String> problems = new ArrayList<>();

    record Res(int status, String body, double ms) {
    }

    /** A Spot created for one scenario: its id, key, and the ids of its tags (by name) and properties (by slug). */
    record Spot(String id, String key, Map<String, String> tags, Map<String, String> properties) {
    }

    /** A rule as JSON for the service and as a SQL predicate over {@code member m} for the check. */
    record Rule(String json, String sql, Set<String> tags, boolean readsTags) {
    }

    public static void main(String[] args) throws Exception {
        base = args[0];
        admin = args[1];
        jdbcUrl = args[2];
        Map<String, String> opt = new HashMap<>();
        for (int i = 3; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            opt.put(args[i].substring(2), args[i + 1]);
        }
        int evaluateMembers = Integer.parseInt(opt.getOrDefault("evaluate-members", "1000000"));
        int runs = Integer.parseInt(opt.getOrDefault("runs", "5"));
        cap = Integer.parseInt(opt.getOrDefault("cap", "60"));
        int tagMembers = Integer.parseInt(opt.getOrDefault("tag-members", "10000"));
        int tagGroups = Integer.parseInt(opt.getOrDefault("tag-groups", "1000"));
        int tagRequests = Integer.parseInt(opt.getOrDefault("tag-requests", "300"));
        int importRows = Integer.parseInt(opt.getOrDefault("import-rows", "100000"));
        int importGroups = Integer.parseInt(opt.getOrDefault("import-groups", "100"));
        String wanted = opt.getOrDefault("scenarios", "all");
        Set<String> scenarios = wanted.equals("all") ? new LinkedHashSet<>(ALL) : Set.of(wanted.split(","));
        for (String s : scenarios) {
            if (!ALL.contains(s)) {
                throw new IllegalArgumentException("unknown scenario " + s + "; known: " + ALL);
            }
        }
        long started = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            try (Statement s = db.createStatement()) {
                // With --explain the bench database loads auto_explain: not for this loader's own statements.
                s.execute("set auto_explain.log_min_duration = -1");
            } catch (Exception ignored) {
                // auto_explain not loaded in this session: nothing to switch off
            }
            for (String scenario : ALL) {
                if (!scenarios.contains(scenario)) {
                    continue;
                }
                long t = System.nanoTime();
                System.out.println("== scenario " + scenario);
                switch (scenario) {
                    case "tag" -> tag(db, tagMembers, tagGroups, tagRequests);
                    case "import" -> importCsv(db, importRows, importGroups);
                    case "evaluate" -> evaluate(db, evaluateMembers, runs);
                    default -> throw new IllegalStateException(scenario);
                }
                System.out.printf(Locale.ROOT, "   (%s took %.1f s)%n", scenario, (System.nanoTime() - t) / 1e9);
            }
        }
        StringBuilder md = new StringBuilder("| target | measured | |\n| --- | --- | --- |\n");
        for (String[] row : rows) {
            md.append("| ").append(row[0]).append(" | ").append(row[1]).append(" | ").append(row[2]).append(" |\n");
        }
        md.append('\n');
        for (String note : notes) {
            md.append("- ").append(note).append('\n');
        }
        if (!problems.isEmpty()) {
            md.append("\n**Verification failed:**\n\n");
            for (String p : problems) {
                md.append("- ").append(p).append('\n');
            }
        }
        System.out.println();
        System.out.println(md);
        System.out.printf(Locale.ROOT, "whole run %.1f s%n", (System.nanoTime() - started) / 1e9);
        Files.writeString(Path.of(System.getProperty("bench.out", "target/smart-groups-bench.md")), md.toString());
        if (!problems.isEmpty()) {
            System.err.println(problems.size() + " verification problem(s), see above");
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenario 1: a new rule over a large Spot

    static void evaluate(Connection db, int n, int runs) throws Exception {
        int problemsBefore = problems.size();
        Spot spot = spot("Smart evaluate", 10);
        buildMembers(db, spot, n, 0.2, "evaluate");
        String r1 = "{\"all\":[{\"field\":\"tags\",\"op\":\"hasAny\",\"value\":[\"t3\",\"t7\"]},"
                + "{\"field\":\"customProperty\",\"key\":\"plan\",\"op\":\"eq\",\"value\":\"pro\"},"
                + "{\"field\":\"customProperty\",\"key\":\"seats\",\"op\":\"gte\",\"value\":10}]}";
        String s1 = "(" + hasAny(List.of("t3", "t7")) + " and " + propEq(spot, "plan", "pro") + " and "
                + propNum(spot, "seats", ">=", 10) + ")";
        // The change: t7 becomes t8 and the seat threshold goes from 10 to 20 (members enter and leave).
        String r2 = r1.replace("\"t7\"", "\"t8\"").replace("\"value\":10}", "\"value\":20}");
        String s2 = "(" + hasAny(List.of("t3", "t8")) + " and " + propEq(spot, "plan", "pro") + " and "
                + propNum(spot, "seats", ">=", 20) + ")";
        // A rule with negations under any: members without t1 and t2, or not on the free plan.
        String r3 = "{\"any\":[{\"field\":\"tags\",\"op\":\"hasNone\",\"value\":[\"t1\",\"t2\"]},"
                + "{\"field\":\"customProperty\",\"key\":\"plan\",\"op\":\"neq\",\"value\":\"free\"}]}";
        String s3 = "((not " + hasAny(List.of("t1", "t2")) + ") or (not " + propEq(spot, "plan", "free") + "))";
        long expected1 = count(db, "select count(*) from member m where m.spot_id = '" + spot.id + "' and " + s1);
        long expected2 = count(db, "select count(*) from member m where m.spot_id = '" + spot.id + "' and " + s2);
        long expected3 = count(db, "select count(*) from member m where m.spot_id = '" + spot.id + "' and " + s3);
        System.out.printf(Locale.ROOT, "   rule matches %,d of %,d members (SQL); the changed rule %,d; the rule with "
                + "negations %,d%n", expected1, n, expected2, expected3);

        List<Double> preview = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Res r = capped(db, "POST", "/v1/groups~previewRule", spot.key, "{\"rule\":" + r1 + "}", 200);
            if (r == null) {
                break;
            }
            long c = topLong(r.body, "count");
            expect(c == expected1, "previewRule count " + c + " != SQL count " + expected1);
            preview.add(r.ms);
            System.out.printf(Locale.ROOT, "   previewRule run %d: %.0f ms (count %,d)%n", i + 1, r.ms, c);
        }
        List<Double> create = new ArrayList<>();
        String group = null;
        for (int i = 0; i < runs; i++) {
            if (group != null) {
                check(call("DELETE", "/v1/groups/" + group, spot.key, null), 204);
                group = null;
            }
            Res r = capped(db, "POST", "/v1/groups", spot.key,
                    "{\"name\":\"Pro seats " + (i + 1) + "\",\"kind\":\"smart\",\"rule\":" + r1 + "}", 201);
            if (r == null) {
                break;
            }
            group = field(r.body, "id");
            long c = topLong(r.body, "membersCount");
            expect(c == expected1, "POST /v1/groups membersCount " + c + " != SQL count " + expected1);
            create.add(r.ms);
            System.out.printf(Locale.ROOT, "   POST /v1/groups (smart) run %d: %.0f ms (membersCount %,d)%n", i + 1,
                    r.ms, c);
        }
        List<Double> diffPreview = new ArrayList<>();
        List<Double> put = new ArrayList<>();
        long entering = -1;
        long leaving = -1;
        if (group != null) {
            verifyStored(db, spot, group, s1, "evaluate group after creation");
            for (int i = 0; i < runs; i++) {
                Res r = capped(db, "POST", "/v1/groups/" + group + "~previewRule", spot.key,
                        "{\"rule\":" + r2 + "}", 200);
                if (r == null) {
                    break;
                }
                entering = nestedCount(r.body, "entering");
                leaving = nestedCount(r.body, "leaving");
                long c = topLong(r.body, "count");
                expect(c == expected2, "group previewRule count " + c + " != SQL count " + expected2);
                expect(expected1 + entering - leaving == expected2, "entering " + entering + " / leaving " + leaving
                        + " do not lead from " + expected1 + " to " + expected2);
                diffPreview.add(r.ms);
                System.out.printf(Locale.ROOT, "   group previewRule run %d: %.0f ms (count %,d, +%,d -%,d)%n", i + 1,
                        r.ms, c, entering, leaving);
            }
            boolean atR2 = false;
            for (int i = 0; i < runs; i++) {
                boolean toR2 = i % 2 == 0;
                Res r = capped(db, "PUT", "/v1/groups/" + group, spot.key, "{\"rule\":" + (toR2 ? r2 : r1) + "}",
                        200);
                if (r == null) {
                    break;
                }
                atR2 = toR2;
                long c = topLong(r.body, "membersCount");
                long want = toR2 ? expected2 : expected1;
                expect(c == want, "PUT membersCount " + c + " != SQL count " + want);
                put.add(r.ms);
                System.out.printf(Locale.ROOT, "   PUT rule change run %d: %.0f ms (membersCount %,d)%n", i + 1, r.ms,
                        c);
            }
            if (!put.isEmpty()) {
                verifyStored(db, spot, group, atR2 ? s2 : s1, "evaluate group after the rule changes");
            }
        }
        Res negated = capped(db, "POST", "/v1/groups~previewRule", spot.key, "{\"rule\":" + r3 + "}", 200);
        if (negated != null) {
            long c = topLong(negated.body, "count");
            expect(c == expected3, "previewRule count " + c + " of the rule with negations != SQL count " + expected3);
            System.out.printf(Locale.ROOT, "   previewRule of the rule with negations: %.0f ms (count %,d)%n",
                    negated.ms, c);
        }

        rows.add(new String[] {String.format(Locale.ROOT, "Evaluate a new rule over %,d members: `POST /v1/groups` "
                + "kind smart (evaluates and stores the membership); rule `tags hasAny [t3,t7]` and `plan eq pro` and "
                + "`seats gte 10`, %,d match; median of %d: under 2 s", n, expected1, runs),
            figure(create, runs), !create.isEmpty() && create.size() == runs && median(create) < 2000 ? "met"
                : "missed"});
        rows.add(new String[] {String.format(Locale.ROOT, "`POST /v1/groups~previewRule`, same rule (count and first "
                + "page), median of %d", runs), figure(preview, runs), "—"});
        rows.add(new String[] {group == null || diffPreview.isEmpty()
                ? "`POST /v1/groups/{id}~previewRule` of a rule change (t7 → t8, seats gte 10 → 20)"
                : String.format(Locale.ROOT, "`POST /v1/groups/{id}~previewRule` of a rule change (t7 → t8, seats gte "
                        + "10 → 20: %,d entering, %,d leaving), median of %d", entering, leaving, runs),
            group == null ? "not measured: no group was created" : figure(diffPreview, runs), "—"});
        rows.add(new String[] {String.format(Locale.ROOT, "`PUT /v1/groups/{id}` with that change, and back, "
                + "alternately (%,d ↔ %,d members), median of %d", expected1, expected2, runs),
            group == null ? "not measured: no group was created" : figure(put, runs), "—"});
        rows.add(new String[] {String.format(Locale.ROOT, "`POST /v1/groups~previewRule` of a rule with negations "
                + "under any (`tags hasNone [t1,t2]` or `plan neq free`, %,d match), once", expected3),
            negated == null ? String.format(Locale.ROOT, "did not finish in %d s (cancelled)", cap)
                : String.format(Locale.ROOT, "%.0f ms", negated.ms), "—"});
        notes.add(String.format(Locale.ROOT, "evaluate: %,d members written by SQL (status mix, each of 10 tags with "
                + "probability 0.2, plan free/pro/team on 90%%, seats 1–200 on 85%%), VACUUM (ANALYZE) as autovacuum "
                + "would (it is off on this server), then the calls one at a time; the created group is deleted "
                + "before the next run creates another. A call still running after %d s is abandoned: the harness "
                + "cancels the service's statements (`pg_cancel_backend`) and "
                + "does not repeat it. %s", n, cap,
                problems.size() == problemsBefore ? "Every answer's count and membersCount equalled the harness's SQL "
                        + "count of the rule, and the stored membership its SQL evaluation (after the creation and "
                        + "after the changes)." : "Verification failed: see below."));
    }

    /** Median and runs, or why there is none. */
    static String figure(List<Double> values, int runs) {
        if (values.isEmpty()) {
            return String.format(Locale.ROOT, "did not finish in %d s (cancelled)", cap);
        }
        String f = String.format(Locale.ROOT, "%.0f ms (runs: %s)", median(values), list(values));
        return values.size() == runs ? f
                : f + String.format(Locale.ROOT, "; run %d did not finish in %d s (cancelled)", values.size() + 1, cap);
    }

    /**
     * A call given at most {@link #cap} seconds: past that, the service's running statements in the bench database
     * are cancelled (so that it does not keep the Spot locked and the CPU busy) and null is returned.
     */
    static Res capped(Connection db, String method, String path, String authorization, String json, int status)
            throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(60))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build();
        long t = System.nanoTime();
        CompletableFuture<HttpResponse<String>> future = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            HttpResponse<String> response = future.get(cap, TimeUnit.SECONDS);
            Res r = new Res(response.statusCode(), response.body(), (System.nanoTime() - t) / 1e6);
            check(r, status);
            return r;
        } catch (TimeoutException e) {
            // What the service is doing: running, or waiting for a lock (and who holds it).
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select a.pid, a.state, "
                    + "a.wait_event_type, a.wait_event, round(extract(epoch from now() - a.query_start)) secs, "
                    + "pg_blocking_pids(a.pid)::text blockers, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 160) q "
                    + "from pg_stat_activity a where a.datname = current_database() and a.pid <> pg_backend_pid() "
                    + "and a.backend_type = 'client backend' and a.state <> 'idle' order by a.query_start")) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "     pid %d %s, wait %s/%s, %s s, blocked by %s: %s%n",
                            rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7));
                }
            }
            // The request may be between statements: cancel whatever runs, every second, until it answers.
            long cancelled = 0;
            String answer = "none";
            for (int i = 0; i < 120; i++) {
                cancelled += count(db, "select count(*) filter (where pg_cancel_backend(pid)) from pg_stat_activity "
                        + "where datname = current_database() and pid <> pg_backend_pid() and state = 'active' "
                        + "and backend_type = 'client backend'");
                try {
                    HttpResponse<String> late = future.get(1, TimeUnit.SECONDS);
                    answer = late.statusCode() + " after " + Math.round((System.nanoTime() - t) / 1e9) + " s";
                    break;
                } catch (TimeoutException again) {
                    // still running
                }
            }
            if (!future.isDone()) {
                future.cancel(true);
            }
            System.out.printf(Locale.ROOT, "   %s %s did not finish in %d s: %d statement(s) cancelled, answer %s%n",
                    method, path, cap, cancelled, answer);
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenario 2: one member's tag with many smart groups

    static void tag(Connection db, int n, int groups, int requests) throws Exception {
        Spot spot = spot("Smart tag", 20);
        buildMembers(db, spot, n, 0.15, "tag");
        String toggled = "t5";
        String tagId = spot.tags.get(toggled);
        List<String> pool = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select m.id from member m where "
                + "m.spot_id = '" + spot.id + "' and not " + hasAny(List.of(toggled))
                + " order by m.email limit 50")) {
            while (rs.next()) {
                pool.add(rs.getString(1));
            }
        }
        int warmup = Math.min(20, Math.max(5, requests / 10));
        int baselineRequests = Math.max(20, requests / 3);
        System.out.printf(Locale.ROOT, "   baseline: %d tag/untag pairs with no smart group (after %d warm-up pairs)%n",
                baselineRequests, warmup);
        double[][] baseline = toggle(spot, tagId, pool, warmup, baselineRequests, null, null);

        List<Rule> rules = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        long t = System.nanoTime();
        createSmartGroups(spot, new Random(6006), groups, 20, rules, ids);
        double createSeconds = (System.nanoTime() - t) / 1e9;
        long readTags = rules.stream().filter(Rule::readsTags).count();
        long readToggled = rules.stream().filter(r -> r.tags.contains(toggled)).count();
        System.out.printf(Locale.ROOT, "   %d rules read tags, %d name %s%n", readTags, readToggled, toggled);

        // How many memberships a change moves, on a sample of the pool (outside the timed loop).
        List<Long> moved = new ArrayList<>();
        double[][] measured = toggle(spot, tagId, pool, warmup, requests, db, moved);

        // Leave a few members tagged, so that the stored state differs from the initial one, and check every group.
        for (int i = 0; i < Math.min(10, pool.size()); i++) {
            check(call("POST", "/v1/tags/" + tagId + "/spotMembers~bulkAssign", spot.key,
                    "{\"spotMemberIds\":[\"" + pool.get(i) + "\"]}"), 204);
        }
        long v = System.nanoTime();
        int bad = verifyAll(db, spot, ids, rules, "tag", v);
        String cross = crossCheck(db, spot, ids, rules, 5, "tag");
        String sizes = sizes(db, spot);

        double avgMoved = moved.stream().mapToLong(Long::longValue).average().orElse(0);
        long maxMoved = moved.stream().mapToLong(Long::longValue).max().orElse(0);
        String what = String.format(Locale.ROOT, "%,d smart groups (%,d members; %d rules read tags, %d of them name "
                + "%s), %d requests after %d warm-up", groups, n, readTags, readToggled, toggled, requests, warmup);
        rows.add(new String[] {"Tag one member (`POST /v1/tags/{id}/spotMembers~bulkAssign`, one id) with " + what
                + ": p50 under 20 ms", pct(measured[0]), measured[0].length > 0 && p(measured[0], 50) < 20 ? "met"
                : "missed"});
        rows.add(new String[] {"Untag it (`~bulkUnassign`, one id), same groups: p50 under 20 ms", pct(measured[1]),
            measured[1].length > 0 && p(measured[1], 50) < 20 ? "met" : "missed"});
        rows.add(new String[] {String.format(Locale.ROOT, "baseline: the same tag / untag with no smart group, %d "
                + "requests each", baselineRequests), "tag " + pct(baseline[0]) + "; untag " + pct(baseline[1]), "—"});
        rows(String.format(Locale.ROOT, "after the changes (and 10 members left tagged), every group's stored "
                + "membership = the rule evaluated by the harness's own SQL (%d groups); %s", groups, cross),
            bad == 0 ? "equal" : bad + " differ", bad == 0 ? "ok" : "wrong");
        notes.add(String.format(Locale.ROOT, "tag: the %,d smart groups were created through the API in %.1f s "
                + "(%.0f ms each on average); random seeded rules of 1–3 conditions (all/any, some negated) over "
                + "20 tags, plan, seats, status and role. Tagging one member with %s moved on average %.1f "
                + "memberships (at most %d) over a sample of %d changes; the member changes rotate over %d members "
                + "without the tag, one request at a time. Group sizes: %s.", groups, createSeconds,
                createSeconds * 1000 / groups, toggled, avgMoved, maxMoved, moved.size(), pool.size(), sizes));
    }

    /** Tags then untags members of the pool in turn; returns {assign times, unassign times} of the measured pairs. */
    static double[][] toggle(Spot spot, String tagId, List<String> pool, int warmup, int requests, Connection db,
                             List<Long> moved) throws Exception {
        List<Double> assign = new ArrayList<>();
        List<Double> unassign = new ArrayList<>();
        int sampleEvery = Math.max(1, requests / 20);
        for (int i = 0; i < warmup + requests; i++) {
            String member = pool.get(i % pool.size());
            String body = "{\"spotMemberIds\":[\"" + member + "\"]}";
            boolean sample = db != null && i >= warmup && (i - warmup) % sampleEvery == 0;
            Set<String> before = sample ? memberships(db, spot, member) : null;
            Res a = call("POST", "/v1/tags/" + tagId + "/spotMembers~bulkAssign", spot.key, body);
            check(a, 204);
            if (sample) {
                Set<String> after = memberships(db, spot, member);
                long diff = after.stream().filter(g -> !before.contains(g)).count()
                        + before.stream().filter(g -> !after.contains(g)).count();
                moved.add(diff);
            }
            Res u = call("POST", "/v1/tags/" + tagId + "/spotMembers~bulkUnassign", spot.key, body);
            check(u, 204);
            if (sample) {
                Set<String> back = memberships(db, spot, member);
                expect(back.equals(before), "member " + member + " is not back in the same groups after untagging");
            }
            if (i >= warmup) {
                assign.add(a.ms);
                unassign.add(u.ms);
            }
        }
        double[][] out = {assign.stream().mapToDouble(Double::doubleValue).toArray(),
            unassign.stream().mapToDouble(Double::doubleValue).toArray()};
        System.out.printf(Locale.ROOT, "   tag: %s; untag: %s%n", pct(out[0]), pct(out[1]));
        return out;
    }

    static Set<String> memberships(Connection db, Spot spot, String member) throws Exception {
        Set<String> groups = new LinkedHashSet<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select group_id from group_membership "
                + "where spot_id = '" + spot.id + "' and member_id = '" + member + "'")) {
            while (rs.next()) {
                groups.add(rs.getString(1));
            }
        }
        return groups;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Scenario 3: an import into a Spot with smart groups

    static void importCsv(Connection db, int rows, int groups) throws Exception {
        byte[] csv = csv(rows);
        System.out.printf(Locale.ROOT, "   CSV: %,d rows, %,d bytes%n", rows, csv.length);

        Spot plain = spot("Import without smart groups", 10);
        Res baseline = importFile(plain, csv, rows);
        System.out.printf(Locale.ROOT, "   baseline import (no smart group): %.2f s%n", baseline.ms / 1000);

        Spot spot = spot("Import with smart groups", 10);
        List<Rule> rules = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        createSmartGroups(spot, new Random(6003), groups, 10, rules, ids);
        System.out.printf(Locale.ROOT, "   %d smart groups created on the empty Spot%n", groups);
        Res imported = importFile(spot, csv, rows);
        long memberships = count(db, "select count(*) from group_membership where spot_id = '" + spot.id + "'");
        System.out.printf(Locale.ROOT, "   import with %d smart groups: %.2f s, %,d memberships%n", groups,
                imported.ms / 1000, memberships);

        long v = System.nanoTime();
        try (Statement st = db.createStatement()) {
            // Fresh statistics for the check's own queries (the import's figure is taken already).
            st.execute("analyze member, member_tag, member_property_value, group_membership");
        }
        int bad = verifyAll(db, spot, ids, rules, "import", v);
        String cross = crossCheck(db, spot, ids, rules, 5, "import");
        String sizes = sizes(db, spot);

        double s = imported.ms / 1000;
        rows(String.format(Locale.ROOT, "Import %,d members (`POST /v1/spotMembers~import`, %,d bytes of CSV: email, "
                + "names, status, tags, plan, seats) into a Spot with %d smart groups, including all memberships "
                + "(%,d): under 30 s", rows, csv.length, groups, memberships),
            String.format(Locale.ROOT, "%.1f s (%.0f rows/s)", s, rows / s), s < 30 ? "met" : "missed");
        rows("baseline: the same file into a Spot without smart groups",
            String.format(Locale.ROOT, "%.1f s (%.0f rows/s)", baseline.ms / 1000, rows / (baseline.ms / 1000)), "—");
        rows(String.format(Locale.ROOT, "after the import, every group's stored membership = the rule evaluated by "
                + "the harness's own SQL (%d groups); %s", groups, cross),
            bad == 0 ? "equal" : bad + " differ", bad == 0 ? "ok" : "wrong");
        notes.add(String.format(Locale.ROOT, "import: the %d smart groups have random seeded rules like those of the "
                + "tag scenario (over 10 tags); after the import their sizes are %s.", groups, sizes));
    }

    /** Group sizes of a Spot: smallest, median, 90th percentile, largest. */
    static String sizes(Connection db, Spot spot) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select min(c), "
                + "percentile_disc(0.5) within group (order by c), percentile_disc(0.9) within group (order by c), "
                + "max(c) from (select g.id, count(gm.member_id) c from member_group g left join group_membership gm "
                + "on gm.spot_id = g.spot_id and gm.group_id = g.id where g.spot_id = '" + spot.id + "' "
                + "and g.deleted_at is null group by g.id) x")) {
            rs.next();
            return String.format(Locale.ROOT, "%,d smallest, %,d median, %,d at the 90th percentile, %,d largest",
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }

    static void rows(String target, String measured, String met) {
        rows.add(new String[] {target, measured, met});
    }

    static Res importFile(Spot spot, byte[] csv, int rows) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/spotMembers~import"))
                .timeout(Duration.ofMinutes(15)).header("Authorization", spot.key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build();
        long t = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        Res r = new Res(response.statusCode(), response.body(), (System.nanoTime() - t) / 1e6);
        check(r, 200);
        long created = topLong(r.body, "created");
        if (created != rows) {
            throw new IllegalStateException("import created " + created + " of " + rows + ": " + r.body);
        }
        return r;
    }

    /** email,firstname,lastname,status,tags,plan,seats; deterministic. */
    static byte[] csv(int rows) {
        Random random = new Random(100_000);
        StringBuilder b = new StringBuilder(rows * 80);
        b.append("email,firstname,lastname,status,tags,plan,seats\r\n");
        String[] statuses = {"Invited", "Accepted", "Accepted", "Accepted", "Pending", "Left"};
        for (int i = 0; i < rows; i++) {
            StringBuilder tags = new StringBuilder();
            for (int t = 1; t <= 10; t++) {
                if (random.nextDouble() < 0.2) {
                    tags.append(tags.length() == 0 ? "" : ";").append('t').append(t);
                }
            }
            double p = random.nextDouble();
            String plan = p < 0.45 ? "free" : p < 0.7 ? "pro" : p < 0.9 ? "team" : "";
            double q = random.nextDouble();
            String seats = random.nextDouble() < 0.85 ? String.valueOf(1 + (int) Math.floor(q * q * 200)) : "";
            b.append(String.format(Locale.ROOT, "member%07d@import.example,First%d,Last%d,%s,%s,%s,%s\r\n", i, i,
                    i % 977, statuses[random.nextInt(statuses.length)], tags, plan, seats));
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Spots and data

    /**
     * Creates {@code count} smart groups with random rules over tags t1..t{@code tagCount} through the API, adding
     * each rule and group id to {@code rules} and {@code ids}; prints progress every 100 groups.
     */
    static void createSmartGroups(Spot spot, Random random, int count, int tagCount, List<Rule> rules,
                                  List<String> ids) throws Exception {
        long t = System.nanoTime();
        for (int i = 0; i < count; i++) {
            Rule rule = randomRule(random, spot, tagCount);
            Res r = call("POST", "/v1/groups", spot.key, "{\"name\":\"Smart " + String.format("%04d", i + 1)
                    + "\",\"kind\":\"smart\",\"rule\":" + rule.json + "}");
            check(r, 201);
            rules.add(rule);
            ids.add(field(r.body, "id"));
            if ((i + 1) % 100 == 0 || i + 1 == count) {
                System.out.printf(Locale.ROOT, "   %,d smart groups created (%.1f s)%n", i + 1,
                        (System.nanoTime() - t) / 1e9);
            }
        }
    }

    /** A Spot with tags t1..tK (bulkCreate), plan (SingleSelect free/pro/team) and seats (Number), via the API. */
    static Spot spot(String name, int tagCount) throws Exception {
        Res s = call("POST", "/admin/v1/spots", "Bearer " + admin, "{\"name\":\"" + name + "\"}");
        check(s, 201);
        String key = field(s.body, "apiKey");
        String id = field(s.body, "id");
        StringBuilder tags = new StringBuilder("[");
        for (int t = 1; t <= tagCount; t++) {
            tags.append(t == 1 ? "" : ",").append("{\"name\":\"t").append(t).append("\"}");
        }
        Res created = call("POST", "/v1/tags~bulkCreate", key, tags.append("]").toString());
        check(created, 201);
        Map<String, String> tagIds = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"name\"\\s*:\\s*\"([^\"]+)\"")
                .matcher(created.body);
        while (m.find()) {
            tagIds.put(m.group(2), m.group(1));
        }
        if (tagIds.size() != tagCount) {
            throw new IllegalStateException("expected " + tagCount + " tags in " + created.body);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Res plan = call("POST", "/v1/customProperties", key, "{\"label\":\"Plan\",\"slug\":\"plan\","
                + "\"type\":\"SingleSelect\",\"possibleValues\":[\"free\",\"pro\",\"team\"]}");
        check(plan, 201);
        properties.put("plan", field(plan.body, "id"));
        Res seats = call("POST", "/v1/customProperties", key,
                "{\"label\":\"Seats\",\"slug\":\"seats\",\"type\":\"Number\"}");
        check(seats, 201);
        properties.put("seats", field(seats.body, "id"));
        return new Spot(id, key, tagIds, properties);
    }

    /**
     * Members of a Spot written by set-based SQL, in the order of their (random, version 4) ids so that the primary
     * keys and the member_tag / member_property_value indexes by member grow at their right end (a random order
     * made the 1,000,000-member load twice as long): status mix, each tag with probability {@code tagRate}, plan on 90%
     * (free 50%, pro 25%, team 15% of all), seats 1..200 (skewed low) on 85%. Then VACUUM (ANALYZE), as autovacuum
     * would.
     */
    static void buildMembers(Connection db, Spot spot, int n, double tagRate, String label) throws Exception {
        long total = System.nanoTime();
        String sp = "'" + spot.id + "'::uuid";
        try (Statement s = db.createStatement()) {
            s.execute("set max_parallel_workers_per_gather = 0");
            s.execute("set synchronous_commit = off");
            s.execute("set session_replication_role = replica");
            s.execute("select setseed(0.6)");
            System.out.printf(Locale.ROOT, "   building %,d members of Spot %s (%s)%n", n, spot.id, label);
            step(s, "members", "insert into member (spot_id, id, email, firstname, lastname, role, status, "
                    + "invitation_date, registration_date, last_activity_at, created_at, updated_at) "
                    + "select " + sp + ", x.id, '" + label + "' || x.n || '@smart.example', "
                    + "'First' || x.n, 'Last' || (x.n % 9973), "
                    + "case when x.d < 0.003 then 'Admin' else 'Member' end, "
                    + "case when x.e < 0.72 then 'Accepted' when x.e < 0.86 then 'Invited' "
                    + "when x.e < 0.91 then 'Pending' "
                    + "when x.e < 0.95 then 'Left' when x.e < 0.98 then 'Deactivated' "
                    + "when x.e < 0.99 then 'DeclinedInvitation' else 'Rejected' end, "
                    + "now() - x.r * interval '1095 days' - interval '2 days', "
                    + "case when x.e >= 0.72 and x.e < 0.86 then null else now() - x.r * interval '1095 days' end, "
                    + "case when x.e < 0.72 then now() - x.r * x.d * interval '1095 days' end, "
                    + "now() - x.r * interval '1095 days' - interval '2 days', now() "
                    + "from (select gen_random_uuid() id, n, random() d, random() e, random() r "
                    + "from generate_series(1, " + n + ") n) x order by x.id");
            step(s, "member tags", "insert into member_tag (spot_id, tag_id, member_id) select m.spot_id, t.id, m.id "
                    + "from member m cross join tag t where m.spot_id = " + sp + " and t.spot_id = " + sp
                    + " and random() < " + tagRate + " order by m.id, t.id");
            step(s, "plan values", "insert into member_property_value (spot_id, member_id, property_id, value) "
                    + "select x.spot_id, x.id, '" + spot.properties.get("plan") + "', to_jsonb(case when x.a < 0.5 "
                    + "then 'free' when x.a < 0.75 then 'pro' else 'team' end) from (select m.spot_id, m.id, "
                    + "random() a, random() p from member m where m.spot_id = " + sp + ") x "
                    + "where x.p < 0.9 order by x.id");
            step(s, "seats values", "insert into member_property_value (spot_id, member_id, property_id, value) "
                    + "select x.spot_id, x.id, '" + spot.properties.get("seats") + "', to_jsonb(1 + floor(x.b * x.b "
                    + "* 200)::int) from (select m.spot_id, m.id, random() b, random() p from member m "
                    + "where m.spot_id = "
                    + sp + ") x where x.p < 0.85 order by x.id");
            long t = System.nanoTime();
            s.execute("set session_replication_role = origin");
            // What autovacuum does to freshly loaded tables (it is off on the benchmark server): statistics, and the
            // visibility map that lets the evaluations read indexes without visiting the table.
            s.execute("vacuum (analyze) member, member_tag, member_property_value, tag, custom_property, member_group, "
                    + "group_membership");
            System.out.printf(Locale.ROOT, "     %-16s %12s %8.1f s%n", "vacuum analyze", "",
                    (System.nanoTime() - t) / 1e9);
            // The load (and the scenarios before this one) leave gigabytes of dirty pages and WAL: written out now,
            // rather than by a checkpoint running under the timed calls.
            t = System.nanoTime();
            s.execute("checkpoint");
            System.out.printf(Locale.ROOT, "     %-16s %12s %8.1f s%n", "checkpoint", "", (System.nanoTime() - t) / 1e9);
        }
        System.out.printf(Locale.ROOT, "   data set built in %.1f s%n", (System.nanoTime() - total) / 1e9);
    }

    static void step(Statement s, String name, String sql) throws Exception {
        long t = System.nanoTime();
        long rows = s.executeLargeUpdate(sql);
        System.out.printf(Locale.ROOT, "     %-16s %,12d rows %8.1f s%n", name, rows, (System.nanoTime() - t) / 1e9);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Rules: JSON for the service, SQL for the check

    /** 1 to 3 conditions under all (70%) or any, each negated with probability 0.1. */
    static Rule randomRule(Random random, Spot spot, int tagCount) {
        int n = 1 + random.nextInt(3);
        List<Rule> atoms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Rule atom = randomAtom(random, spot, tagCount);
            if (random.nextDouble() < 0.1) {
                atom = new Rule("{\"not\":" + atom.json + "}", "(not " + atom.sql + ")", atom.tags, atom.readsTags);
            }
            atoms.add(atom);
        }
        if (n == 1 && random.nextBoolean()) {
            return atoms.get(0);
        }
        boolean all = random.nextDouble() < 0.7;
        Set<String> tags = new LinkedHashSet<>();
        atoms.forEach(a -> tags.addAll(a.tags));
        return new Rule("{\"" + (all ? "all" : "any") + "\":[" + atoms.stream().map(Rule::json)
                .collect(Collectors.joining(",")) + "]}",
                "(" + atoms.stream().map(Rule::sql).collect(Collectors.joining(all ? " and " : " or ")) + ")", tags,
                atoms.stream().anyMatch(Rule::readsTags));
    }

    static Rule randomAtom(Random random, Spot spot, int tagCount) {
        double k = random.nextDouble();
        if (k < 0.45) {
            List<String> tags = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            while (tags.size() < count) {
                String t = "t" + (1 + random.nextInt(tagCount));
                if (!tags.contains(t)) {
                    tags.add(t);
                }
            }
            String values = tags.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(","));
            double o = random.nextDouble();
            String op = o < 0.6 ? "hasAny" : o < 0.8 ? "hasAll" : "hasNone";
            String sql = switch (op) {
                case "hasAny" -> hasAny(tags);
                case "hasAll" -> "(" + tags.stream().map(t -> hasAny(List.of(t))).collect(Collectors.joining(" and "))
                        + ")";
                default -> "(not " + hasAny(tags) + ")";
            };
            return new Rule("{\"field\":\"tags\",\"op\":\"" + op + "\",\"value\":[" + values + "]}", sql,
                    new LinkedHashSet<>(tags), true);
        }
        if (k < 0.65) {
            double o = random.nextDouble();
            String a = PLANS[random.nextInt(3)];
            String b = PLANS[(List.of(PLANS).indexOf(a) + 1) % 3];
            if (o < 0.4) {
                return cond("plan", "eq", "\"" + a + "\"", propEq(spot, "plan", a));
            } else if (o < 0.6) {
                return cond("plan", "neq", "\"" + a + "\"", "(not " + propEq(spot, "plan", a) + ")");
            } else if (o < 0.8) {
                return cond("plan", "in", "[\"" + a + "\",\"" + b + "\"]",
                        "(" + propEq(spot, "plan", a) + " or " + propEq(spot, "plan", b) + ")");
            } else if (o < 0.9) {
                return cond("plan", "notin", "[\"" + a + "\",\"" + b + "\"]",
                        "(not (" + propEq(spot, "plan", a) + " or " + propEq(spot, "plan", b) + "))");
            }
            return cond("plan", "isNotEmpty", null, "(" + prop(spot, "plan") + " is not null and " + prop(spot, "plan")
                    + " not in ('\"\"'::jsonb, '[]'::jsonb))");
        }
        if (k < 0.8) {
            int v = 1 + random.nextInt(100);
            String op = random.nextBoolean() ? "gte" : "lt";
            return cond("seats", op, String.valueOf(v), propNum(spot, "seats", op.equals("gte") ? ">=" : "<", v));
        }
        if (k < 0.95) {
            List<String> statuses = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            while (statuses.size() < count) {
                String st = STATUSES[random.nextInt(STATUSES.length)];
                if (!statuses.contains(st)) {
                    statuses.add(st);
                }
            }
            String in = statuses.stream().map(st -> "'" + st + "'").collect(Collectors.joining(","));
            boolean notin = random.nextDouble() < 0.3;
            return new Rule("{\"field\":\"status\",\"op\":\"" + (notin ? "notin" : "in") + "\",\"value\":["
                    + statuses.stream().map(st -> "\"" + st + "\"").collect(Collectors.joining(",")) + "]}",
                    "(m.status " + (notin ? "not in" : "in") + " (" + in + "))", Set.of(), false);
        }
        String role = random.nextDouble() < 0.3 ? "Admin" : "Member";
        return new Rule("{\"field\":\"role\",\"op\":\"eq\",\"value\":\"" + role + "\"}", "(m.role = '" + role + "')",
                Set.of(), false);
    }

    static Rule cond(String key, String op, String value, String sql) {
        return new Rule("{\"field\":\"customProperty\",\"key\":\"" + key + "\",\"op\":\"" + op + "\""
                + (value == null ? "" : ",\"value\":" + value) + "}", sql, Set.of(), false);
    }

    static String hasAny(List<String> tags) {
        return "exists (select 1 from member_tag mt join tag tg on tg.spot_id = mt.spot_id and tg.id = mt.tag_id "
                + "where mt.spot_id = m.spot_id and mt.member_id = m.id and lower(tg.name) in ("
                + tags.stream().map(t -> "'" + t.toLowerCase(Locale.ROOT) + "'").collect(Collectors.joining(","))
                + "))";
    }

    static String prop(Spot spot, String slug) {
        return "(select v.value from member_property_value v where v.spot_id = m.spot_id and v.member_id = m.id "
                + "and v.property_id = '" + spot.properties.get(slug) + "')";
    }

    /** Never null: a member without a value does not match. */
    static String propEq(Spot spot, String slug, String value) {
        return "coalesce(" + prop(spot, slug) + " #>> '{}' = '" + value + "', false)";
    }

    static String propNum(Spot spot, String slug, String op, int value) {
        return "coalesce((" + prop(spot, slug) + ")::numeric " + op + " " + value + ", false)";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Checks

    /** The group's stored membership equals the members matching the SQL predicate; records a problem otherwise. */
    /** Checks every group's stored membership against its rule's SQL; prints and returns how many differ. */
    static int verifyAll(Connection db, Spot spot, List<String> ids, List<Rule> rules, String what, long started)
            throws Exception {
        int bad = 0;
        for (int i = 0; i < ids.size(); i++) {
            if (!verifyStored(db, spot, ids.get(i), rules.get(i).sql, what + " group " + (i + 1))) {
                bad++;
            }
        }
        System.out.printf(Locale.ROOT, "   stored membership of the %d groups checked against SQL in %.1f s: "
                + "%d differ%n", ids.size(), (System.nanoTime() - started) / 1e9, bad);
        return bad;
    }

    static boolean verifyStored(Connection db, Spot spot, String group, String predicate, String what)
            throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) filter (where "
                + "g.member_id is null), count(*) filter (where r.id is null), count(r.id) from (select m.id from "
                + "member m where m.spot_id = '" + spot.id + "' and " + predicate + ") r full join (select member_id "
                + "from group_membership where spot_id = '" + spot.id + "' and group_id = '" + group + "') g "
                + "on g.member_id = r.id")) {
            rs.next();
            long missing = rs.getLong(1);
            long extra = rs.getLong(2);
            if (missing != 0 || extra != 0) {
                problems.add(String.format(Locale.ROOT, "%s (%s): %,d members matching the rule are not stored, %,d "
                        + "stored members do not match it (%,d match)", what, group, missing, extra, rs.getLong(3)));
                System.out.println("   MISMATCH " + problems.get(problems.size() - 1));
                return false;
            }
            return true;
        }
    }

    /** For the first few groups: membersCount (GET) = previewRule count = SQL count. */
    static String crossCheck(Connection db, Spot spot, List<String> ids, List<Rule> rules, int few, String label)
            throws Exception {
        int ok = 0;
        int n = Math.min(few, ids.size());
        for (int i = 0; i < n; i++) {
            Res g = call("GET", "/v1/groups/" + ids.get(i), spot.key, null);
            check(g, 200);
            long members = topLong(g.body, "membersCount");
            Res p = call("POST", "/v1/groups~previewRule", spot.key, "{\"rule\":" + rules.get(i).json + "}");
            check(p, 200);
            long preview = topLong(p.body, "count");
            long sql = count(db, "select count(*) from member m where m.spot_id = '" + spot.id + "' and "
                    + rules.get(i).sql);
            if (members == preview && preview == sql) {
                ok++;
            } else {
                problems.add(String.format(Locale.ROOT, "%s group %d: membersCount %d, previewRule %d, SQL %d "
                        + "(rule %s)",
                        label, i + 1, members, preview, sql, rules.get(i).json));
            }
        }
        System.out.printf(Locale.ROOT, "   membersCount = previewRule count = SQL count for %d of %d groups%n", ok, n);
        return String.format(Locale.ROOT, "membersCount = previewRule count = SQL count for %d of %d groups checked",
                ok, n);
    }

    static void expect(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
            System.out.println("   MISMATCH " + problem);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP, JSON, figures

    static Res call(String method, String path, String authorization, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(15))
                .header("Authorization", authorization);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpRequest request = b.build();
        long t = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Res(response.statusCode(), response.body(), (System.nanoTime() - t) / 1e6);
    }

    static void check(Res r, int status) {
        if (r.status != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.status + ": "
                    + (r.body.length() > 2000 ? r.body.substring(0, 2000) + "..." : r.body));
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A top-level number of a JSON object ("count" of {"count": 3, "entering": {"count": 1, ...}}). */
    static long topLong(String json, String name) {
        String raw = members(json).get(name);
        if (raw == null || !raw.matches("\\d+")) {
            throw new IllegalStateException("no number " + name + " at the top of "
                    + json.substring(0, Math.min(2000, json.length())));
        }
        return Long.parseLong(raw);
    }

    /** The "count" of the object named {@code name} at the top of a JSON object. */
    static long nestedCount(String json, String name) {
        String raw = members(json).get(name);
        if (raw == null) {
            throw new IllegalStateException("no " + name + " in " + json.substring(0, Math.min(2000, json.length())));
        }
        return topLong(raw, "count");
    }

    /** The members of a JSON object as raw text, by name (enough for the answers read here). */
    static Map<String, String> members(String json) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = json.indexOf('{') + 1;
        while (i > 0 && i < json.length()) {
            int q = json.indexOf('"', i);
            if (q < 0) {
                break;
            }
            int qe = endOfString(json, q);
            String name = json.substring(q + 1, qe);
            int v = json.indexOf(':', qe) + 1;
            while (Character.isWhitespace(json.charAt(v))) {
                v++;
            }
            int e = v;
            int depth = 0;
            while (e < json.length()) {
                char c = json.charAt(e);
                if (c == '"') {
                    e = endOfString(json, e);
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    if (depth == 0) {
                        break;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    break;
                }
                e++;
            }
            out.put(name, json.substring(v, e).trim());
            if (e >= json.length() || json.charAt(e) == '}') {
                break;
            }
            i = e + 1;
        }
        return out;
    }

    /** The index of the quote closing the string that starts at {@code start}. */
    static int endOfString(String json, int start) {
        int i = start + 1;
        while (json.charAt(i) != '"') {
            i += json.charAt(i) == '\\' ? 2 : 1;
        }
        return i;
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Nearest-rank percentile. */
    static double p(double[] values, double pct) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int rank = (int) Math.ceil(pct / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String pct(double[] values) {
        if (values.length == 0) {
            return "no request";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms", p(values, 50), p(values, 95),
                p(values, 99));
    }

    static String list(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(" "));
    }
}
