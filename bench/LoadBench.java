import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scenarios of issue 4 against a running Cohort loaded with {@code Spot1M}, over HTTP on loopback with a fixed
 * number of concurrent connections, each beside its target; write scenarios also run their bare SQL over JDBC in the
 * same run. Prints one line per scenario and writes them as tab-separated rows (key, scenario, figure, target,
 * met/missed) for bench/run to put in BENCHMARKS.md.
 * Arguments: baseUrl apiKey jdbcUrl spotId members scenarios(comma-separated or all) small(true|false) outFile
 */
public class LoadBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final List<String> ALL = List.of("bulkAdd", "singleAdd", "link", "remove", "members", "membersFiltered",
            "groups", "reach");

    static String base;
    static String key;
    static String jdbcUrl;
    static String spot;
    static long n;
    static boolean small;
    static final List<String> rows = new ArrayList<>();
    static int nextMember = 1;

    public static void main(String[] args) throws Exception {
        base = args[0];
        key = args[1];
        jdbcUrl = args[2];
        spot = args[3];
        n = Long.parseLong(args[4]);
        Set<String> wanted = args[5].equals("all") ? Set.copyOf(ALL) : Set.of(args[5].split(","));
        small = Boolean.parseBoolean(args[6]);
        Path out = Path.of(args[7]);
        for (String scenario : wanted) {
            if (!ALL.contains(scenario)) {
                throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + ALL);
            }
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            for (String scenario : ALL) {
                if (!wanted.contains(scenario)) {
                    continue;
                }
                long t = System.nanoTime();
                switch (scenario) {
                    case "bulkAdd" -> bulkAdd();
                    case "singleAdd" -> singleAdd(db);
                    case "link" -> link(db);
                    case "remove" -> remove(db);
                    case "members" -> members();
                    case "membersFiltered" -> membersFiltered();
                    case "groups" -> groups();
                    case "reach" -> reach(db);
                    default -> throw new IllegalStateException(scenario);
                }
                System.out.printf(Locale.ROOT, "  (%s took %.1f s)%n", scenario, (System.nanoTime() - t) / 1e9);
                Files.write(out, rows);
            }
        }
        Files.write(out, rows);
    }

    // ---- scenarios

    static void bulkAdd() throws Exception {
        String group = createGroup("Bench bulkAdd");
        linkToSecretCourses(group, 10);
        int rounds = small ? 5 : 11;
        List<Double> times = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            String body = "{\"spotMemberIds\":[" + Arrays.stream(members(1000)).map(id -> "\"" + id + "\"")
                    .collect(Collectors.joining(",")) + "]}";
            long t = System.nanoTime();
            post("/v1/groups/" + group + "/spotMembers~bulkAdd", body);
            times.add((System.nanoTime() - t) / 1e6);
        }
        double p50 = pct(times, 50);
        row("bulkAdd", "`~bulkAdd` 1,000 members to a group linked to 10 restricted resources, " + rounds + " calls",
                fmt("p50 %.0f ms, p99 %.0f ms (%.0f members/s)", p50, pct(times, 99), 1000 / (p50 / 1000)),
                "p50 ≤ 100 ms", p50 <= 100);
    }

    static void singleAdd(Connection db) throws Exception {
        int clients = 8;
        int ops = small ? 400 : 4000;
        String group = createGroup("Bench single adds");
        linkToSecretCourses(group, 10);
        String bareGroup = createGroup("Bench bare adds");
        linkToSecretCourses(bareGroup, 10);
        String[] warm = members(200);
        load(clients, warm.length, i -> post("/v1/groups/" + group + "/spotMembers",
                "{\"spotMemberId\":\"" + warm[i] + "\"}"));
        String[] api = members(ops);
        Load http = load(clients, ops, i -> post("/v1/groups/" + group + "/spotMembers",
                "{\"spotMemberId\":\"" + api[i] + "\"}"));
        String[] bareIds = members(ops + 200);
        Load bare = bareAdds(clients, bareGroup, bareIds);
        double ratio = http.rate() / bare.rate();
        double p99 = pct(http.latencies, 99);
        row("singleAdd", "add one member (`POST /v1/groups/{id}/spotMembers`) to a group linked to 10 restricted "
                        + "resources, " + clients + " clients, " + ops + " adds",
                fmt("%.0f adds/s, p50 %.1f ms, p99 %.1f ms; bare SQL transaction (%d JDBC threads) %.0f/s, "
                        + "p99 %.1f ms: ratio %.0f%%", http.rate(), pct(http.latencies, 50), p99, clients,
                        bare.rate(), pct(bare.latencies, 99), ratio * 100),
                "≥ 70% of bare; p99 ≤ 20 ms", ratio >= 0.7 && p99 <= 20);
    }

    /** The writes of one add, as plain statements in one transaction per member, from {@code clients} threads. */
    static Load bareAdds(int clients, String group, String[] ids) throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            connections.add(DriverManager.getConnection(jdbcUrl, "postgres", ""));
        }
        String links = " from resource_group_link l join resource r on r.spot_id = l.spot_id and r.id = l.resource_id "
                + "where l.spot_id = ?::uuid and l.group_id = ?::uuid";
        String[] sql = {
            "insert into group_membership (spot_id, group_id, member_id) values (?::uuid, ?::uuid, ?::uuid)",
            "insert into group_member_count (spot_id, group_id, delta) values (?::uuid, ?::uuid, 1)",
            "insert into participant (spot_id, resource_id, member_id, id, status, group_sources, invited_at) "
                + "select l.spot_id, l.resource_id, ?::uuid, uuid_v7(), 'Invited', 1, now()" + links
                + " on conflict (spot_id, resource_id, member_id) do update set group_sources = "
                + "participant.group_sources + 1",
            "insert into notification (spot_id, id, member_id, type, body) select l.spot_id, uuid_v7(), ?::uuid, "
                + "'CourseParticipantInvited', jsonb_build_object('resourceId', r.id, 'resourceType', r.type, "
                + "'resourceName', r.name)" + links,
            "insert into outbox (spot_id, message_id, template, member_id, resource_id) select l.spot_id, uuid_v7(), "
                + "r.type, ?::uuid, r.id" + links + " and l.with_email"};
        AtomicInteger next = new AtomicInteger();
        int warmup = 200;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[] window = new long[2];
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Connection c : connections) {
                futures.add(pool.submit(() -> {
                    c.setAutoCommit(false);
                    List<PreparedStatement> statements = new ArrayList<>();
                    for (String s : sql) {
                        statements.add(c.prepareStatement(s));
                    }
                    for (int i; (i = next.getAndIncrement()) < ids.length; ) {
                        if (i == warmup) {
                            window[0] = System.nanoTime();
                        }
                        long t = System.nanoTime();
                        PreparedStatement membership = statements.get(0);
                        membership.setString(1, spot);
                        membership.setString(2, group);
                        membership.setString(3, ids[i]);
                        membership.executeUpdate();
                        PreparedStatement count = statements.get(1);
                        count.setString(1, spot);
                        count.setString(2, group);
                        count.executeUpdate();
                        for (int k = 2; k < 5; k++) {
                            PreparedStatement s = statements.get(k);
                            s.setString(1, ids[i]);
                            s.setString(2, spot);
                            s.setString(3, group);
                            s.executeUpdate();
                        }
                        c.commit();
                        if (i >= warmup) {
                            latencies.add((System.nanoTime() - t) / 1e6);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            window[1] = System.nanoTime();
        } finally {
            pool.shutdown();
            for (Connection c : connections) {
                c.close();
            }
        }
        return new Load(new ArrayList<>(latencies), (window[1] - window[0]) / 1e9);
    }

    static void link(Connection db) throws Exception {
        String group = groupId(1);
        long size = count(db, "select coalesce(sum(delta), 0) from group_member_count where spot_id = '" + spot
                + "' and group_id = '" + group + "'");
        int rounds = small ? 1 : 3;
        List<Double> link = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> unlink = new ArrayList<>();
        List<Double> bareDelete = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            String course = createCourse("Secret course " + round);
            long t = System.nanoTime();
            post("/v1/courses/" + course + "/groups~bulkAdd",
                    "{\"groupIds\":[\"" + group + "\"],\"withEmailNotification\":true}");
            link.add((System.nanoTime() - t) / 1e6);
            long written = count(db, "select (select count(*) from participant where resource_id = '" + course
                    + "') + (select count(*) from outbox where resource_id = '" + course + "')");
            if (written != 2 * size) {
                throw new IllegalStateException("link wrote " + written + " rows, expected " + 2 * size);
            }
            String other = createCourse("Bare course " + round);
            bare.add(bareLink(db, group, other));
            t = System.nanoTime();
            post("/v1/courses/" + course + "/groups~bulkRemove", "{\"groupIds\":[\"" + group + "\"]}");
            unlink.add((System.nanoTime() - t) / 1e6);
            if (count(db, "select count(*) from participant where resource_id = '" + course + "'") != 0) {
                throw new IllegalStateException("participants left after unlink");
            }
            bareDelete.add(bareUnlink(db, group, other));
            System.out.printf(Locale.ROOT, "    round %d: link %.0f ms (bare %.0f ms), unlink %.0f ms (bare %.0f ms)%n",
                    round, link.get(round - 1), bare.get(round - 1), unlink.get(round - 1), bareDelete.get(round - 1));
        }
        double l = pct(link, 50);
        double b = pct(bare, 50);
        double u = pct(unlink, 50);
        double d = pct(bareDelete, 50);
        row("link", fmt("link the %,d-member group to a secret course (participants, notifications, outbox), "
                        + "median of %d", size, rounds),
                fmt("%.0f ms; bare `INSERT ... SELECT` %.0f ms: %.2f×", l, b, l / b), "≤ 1 s and ≤ 2× bare",
                l <= 1000 && l / b <= 2);
        row("unlink", fmt("unlink it again, median of %d", rounds),
                fmt("%.0f ms; bare `DELETE ... USING` %.0f ms: %.2f×", u, d, u / d), "≤ 2× bare", u / d <= 2);
    }

    static double bareLink(Connection db, String group, String course) throws Exception {
        db.setAutoCommit(false);
        long start = System.nanoTime();
        try (Statement s = db.createStatement()) {
            String members = "from group_membership where spot_id = '" + spot + "' and group_id = '" + group + "'";
            s.execute("insert into participant (spot_id, resource_id, member_id, id, status, group_sources, invited_at) "
                    + "select spot_id, '" + course + "', member_id, uuid_v7(), 'Invited', 1, now() " + members);
            s.execute("insert into notification (spot_id, id, member_id, type, body) select spot_id, uuid_v7(), "
                    + "member_id, 'CourseParticipantInvited', jsonb_build_object('resourceId', '" + course + "') "
                    + members);
            s.execute("insert into outbox (spot_id, message_id, template, member_id, resource_id) select spot_id, "
                    + "uuid_v7(), 'course', member_id, '" + course + "' " + members);
        }
        db.commit();
        db.setAutoCommit(true);
        return (System.nanoTime() - start) / 1e6;
    }

    static double bareUnlink(Connection db, String group, String course) throws Exception {
        long start = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("delete from participant p using group_membership gm where p.spot_id = '" + spot
                    + "' and p.resource_id = '" + course + "' and gm.spot_id = p.spot_id and gm.group_id = '" + group
                    + "' and gm.member_id = p.member_id");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    static void remove(Connection db) throws Exception {
        String group = groupId(2);
        String bareGroup = groupId(3);
        String course = createCourse("Remove course");
        String bareCourse = createCourse("Bare remove course");
        for (String[] pair : new String[][] {{course, group}, {bareCourse, bareGroup}}) {
            post("/v1/courses/" + pair[0] + "/groups~bulkAdd",
                    "{\"groupIds\":[\"" + pair[1] + "\"],\"withEmailNotification\":true}");
        }
        List<String> ids = strings(db, "select member_id from group_membership where spot_id = '" + spot
                + "' and group_id = '" + group + "'");
        String body = "{\"spotMemberIds\":[" + ids.stream().map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(",")) + "]}";
        long t = System.nanoTime();
        post("/v1/groups/" + group + "/spotMembers~bulkRemove", body);
        double api = (System.nanoTime() - t) / 1e6;
        if (count(db, "select count(*) from participant where resource_id = '" + course + "'") != 0) {
            throw new IllegalStateException("participants left after removal");
        }
        List<String> bareIds = strings(db, "select member_id from group_membership where spot_id = '" + spot
                + "' and group_id = '" + bareGroup + "'");
        db.setAutoCommit(false);
        t = System.nanoTime();
        try (PreparedStatement s = db.prepareStatement("with removed as (delete from group_membership "
                + "where spot_id = ?::uuid and group_id = ?::uuid and member_id = any(?::uuid[]) returning member_id), "
                + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                + "select ?::uuid, ?::uuid, -count(*) from removed), "
                + "pairs as (select l.resource_id, x.member_id from removed x join resource_group_link l "
                + "on l.spot_id = ?::uuid and l.group_id = ?::uuid), "
                + "gone as (delete from participant p using pairs x where p.spot_id = ?::uuid "
                + "and p.resource_id = x.resource_id and p.member_id = x.member_id and p.group_sources = 1 "
                + "and not p.direct and not p.self_enrolled returning 1), "
                + "kept as (update participant p set group_sources = p.group_sources - 1 from pairs x "
                + "where p.spot_id = ?::uuid and p.resource_id = x.resource_id and p.member_id = x.member_id "
                + "and (p.group_sources > 1 or p.direct or p.self_enrolled) returning 1) "
                + "select (select count(*) from gone), (select count(*) from kept)")) {
            for (int i : new int[] {1, 4, 6, 8, 9}) {
                s.setString(i, spot);
            }
            for (int i : new int[] {2, 5, 7}) {
                s.setString(i, bareGroup);
            }
            s.setArray(3, db.createArrayOf("uuid", bareIds.toArray()));
            s.executeQuery().close();
        }
        db.commit();
        double bare = (System.nanoTime() - t) / 1e6;
        db.setAutoCommit(true);
        row("remove", fmt("remove %,d members from a linked group (one `~bulkRemove`)", ids.size()),
                fmt("%.0f ms; bare statement %.0f ms: %.2f×", api, bare, api / bare), "≤ 2× bare", api / bare <= 2);
    }

    static void members() throws Exception {
        String group = groupId(1);
        String path = "/v1/groups/" + group + "/spotMembers?limit=100&page=";
        long size = total(get(path + "1"));
        int deep = (int) Math.min(900, (size + 99) / 100);
        int count = small ? 30 : 200;
        List<Double> first = reads(count, i -> path + "1");
        List<Double> last = reads(small ? 20 : 100, i -> path + deep);
        double p99 = Math.max(pct(first, 99), pct(last, 99));
        row("members", fmt("`GET /v1/groups/{id}/spotMembers?limit=100` on the %,d-member group, page 1 and page %d",
                        size, deep),
                fmt("page 1: p50 %.1f ms, p99 %.1f ms (%.0f/s, %d reads); page %d: p50 %.1f ms, p99 %.1f ms (%d reads)",
                        pct(first, 50), pct(first, 99), 1000 / mean(first), first.size(), deep, pct(last, 50),
                        pct(last, 99), last.size()),
                "p99 ≤ 15 ms at every depth", p99 <= 15);
    }

    static void membersFiltered() throws Exception {
        String path = "/v1/groups/" + groupId(1) + "/spotMembers?limit=100&search=son&status%5Bin%5D=Accepted,Pending";
        long total = total(get(path));
        List<Double> times = reads(small ? 30 : 200, i -> path);
        row("membersFiltered", fmt("same with `search=son&status[in]=Accepted,Pending` (%,d matches)", total),
                fmt("p50 %.1f ms, p99 %.1f ms (%.0f/s, %d reads)", pct(times, 50), pct(times, 99), 1000 / mean(times),
                        times.size()),
                "p99 ≤ 30 ms", pct(times, 99) <= 30);
    }

    static void groups() throws Exception {
        long total = total(get("/v1/groups?limit=100"));
        List<Double> times = reads(small ? 30 : 200, i -> "/v1/groups?limit=100");
        row("groups", fmt("`GET /v1/groups?limit=100` with counts over %,d groups", total),
                fmt("p50 %.1f ms, p99 %.1f ms (%.0f/s, %d reads)", pct(times, 50), pct(times, 99), 1000 / mean(times),
                        times.size()),
                "p99 ≤ 20 ms", pct(times, 99) <= 20);
    }

    static void reach(Connection db) throws Exception {
        List<String> ids = strings(db, "select member_id from participant where spot_id = '" + spot + "' "
                + "group by member_id order by md5(member_id::text) limit 400");
        long resources = count(db, "select count(*) from resource where spot_id = '" + spot + "'");
        List<Double> times = reads(Math.min(ids.size(), small ? 30 : 400),
                i -> "/v1/spotMembers/" + ids.get(i) + "/resources");
        row("reach", fmt("`GET /v1/spotMembers/{id}/resources` (first page; %,d resources, half public)", resources),
                fmt("p50 %.1f ms, p99 %.1f ms (%.0f/s, %d reads)", pct(times, 50), pct(times, 99), 1000 / mean(times),
                        times.size()),
                "p99 ≤ 10 ms", pct(times, 99) <= 10);
    }

    // ---- helpers

    interface Op {
        void run(int i) throws Exception;
    }

    interface PathFor {
        String path(int i);
    }

    record Load(List<Double> latencies, double seconds) {
        double rate() {
            return latencies.size() / seconds;
        }
    }

    /** {@code ops} operations from {@code clients} threads, each timing its own calls. */
    static Load load(int clients, int ops, Op op) throws Exception {
        AtomicInteger next = new AtomicInteger();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < ops; ) {
                        long t = System.nanoTime();
                        op.run(i);
                        latencies.add((System.nanoTime() - t) / 1e6);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Load(new ArrayList<>(latencies), (System.nanoTime() - start) / 1e9);
    }

    /**
     * Latency reads: one connection, after 20 unrecorded warm-up calls; {@code count} calls, or as many as fit in
     * 30 s (at least 10) when the calls are slow.
     */
    static List<Double> reads(int count, PathFor paths) throws Exception {
        for (int i = 0; i < 20; i++) {
            get(paths.path(i % count));
        }
        List<Double> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (int i = 0; i < count && (i < 10 || System.nanoTime() < deadline); i++) {
            long t = System.nanoTime();
            get(paths.path(i));
            latencies.add((System.nanoTime() - t) / 1e6);
        }
        return latencies;
    }

    /** The next {@code count} members of the data set, by their deterministic ids (see Spot1M). */
    static String[] members(int count) throws Exception {
        if (nextMember + count - 1 > n) {
            throw new IllegalStateException("the data set has too few members for the scenarios");
        }
        String[] ids = new String[count];
        java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
        for (int i = 0; i < count; i++) {
            byte[] d = md5.digest(("spot1m-member-" + (nextMember++)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String hex = java.util.HexFormat.of().formatHex(d);
            ids[i] = hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        }
        return ids;
    }

    static String groupId(int g) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("MD5")
                .digest(("spot1m-group-" + g).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String hex = java.util.HexFormat.of().formatHex(d);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    static String createGroup(String name) throws Exception {
        return field(post("/v1/groups", "{\"name\":\"" + name + "\"}"), "id");
    }

    static String createCourse(String title) throws Exception {
        return field(post("/v1/courses", "{\"title\":\"" + title + "\",\"privacy\":\"Secret\",\"status\":\"Published\"}"), "id");
    }

    static void linkToSecretCourses(String group, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            post("/v1/courses/" + createCourse("Course " + i + " of " + group) + "/groups~bulkAdd",
                    "{\"groupIds\":[\"" + group + "\"],\"withEmailNotification\":true}");
        }
    }

    static void row(String key, String scenario, String figure, String target, boolean met) {
        String verdict = met ? "met" : "missed";
        System.out.printf(Locale.ROOT, "%-16s %s | %s | %s | %s%n", key, scenario, figure, target, verdict);
        rows.add(String.join("\t", key, scenario, figure, target, verdict));
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static double pct(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> strings(Connection db, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    static long total(String json) {
        Matcher m = Pattern.compile("\"total\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no total in " + json);
        }
        return Long.parseLong(m.group(1));
    }

    static String get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", key).GET().build());
    }

    static String post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
