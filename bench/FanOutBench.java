import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fan-out benchmark (issue 3): links a group of N members to a secret course through the running service and
 * measures the time until every participant, notification and outbox row exists (the call returns after commit),
 * beside the bare INSERT ... SELECT of the same rows over JDBC; then the same for unlinking.
 * Run by bench/run-fanout.sh, which starts the service on a fresh PostgreSQL database.
 * Arguments: baseUrl adminToken jdbcUrl members rounds
 */
public class FanOutBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        String jdbcUrl = args[2];
        int members = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        String spot = post(base + "/admin/v1/spots", "Bearer " + admin, "{\"name\":\"Bench\"}");
        String spotId = field(spot, "id");
        String key = field(spot, "apiKey");
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            db.setAutoCommit(true);
            long t = System.nanoTime();
            String group = field(post(base + "/v1/groups", key, "{\"name\":\"Large group\"}"), "id");
            try (Statement s = db.createStatement()) {
                s.execute("select setseed(0.42)");
                s.execute("insert into member (spot_id, id, email, firstname, lastname, status) select '" + spotId
                        + "', gen_random_uuid(), 'member' || i || '@bench.example', 'First' || i, 'Last' || (i % 9973), "
                        + "'Accepted' from generate_series(1, " + members + ") i");
                s.execute("insert into group_membership (spot_id, group_id, member_id) select spot_id, '" + group
                        + "', id from member where spot_id = '" + spotId + "'");
                s.execute("insert into group_member_count (spot_id, group_id, delta) values ('" + spotId + "', '"
                        + group + "', " + members + ")");
                s.execute("analyze");
            }
            System.out.printf(Locale.ROOT, "data set: %,d members in one group (%.1f s)%n", members,
                    (System.nanoTime() - t) / 1e9);
            List<Double> link = new ArrayList<>();
            List<Double> bare = new ArrayList<>();
            List<Double> unlink = new ArrayList<>();
            List<Double> bareDelete = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                String course = field(post(base + "/v1/courses", key,
                        "{\"title\":\"Secret course " + round + "\",\"privacy\":\"Secret\",\"status\":\"Published\"}"), "id");
                long start = System.nanoTime();
                post(base + "/v1/courses/" + course + "/groups~bulkAdd", key,
                        "{\"groupIds\":[\"" + group + "\"],\"withEmailNotification\":true}");
                link.add((System.nanoTime() - start) / 1e6);
                long rows = count(db, "select (select count(*) from participant where resource_id = '" + course
                        + "') + (select count(*) from outbox where resource_id = '" + course + "') + (select count(*) "
                        + "from notification where body ->> 'resourceId' = '" + course + "')");
                if (rows != 3L * members) {
                    throw new IllegalStateException("expected " + 3L * members + " rows, found " + rows);
                }
                String other = field(post(base + "/v1/courses", key,
                        "{\"title\":\"Bare course " + round + "\",\"privacy\":\"Secret\",\"status\":\"Published\"}"), "id");
                bare.add(bareInsert(db, spotId, group, other));
                start = System.nanoTime();
                post(base + "/v1/courses/" + course + "/groups~bulkRemove", key, "{\"groupIds\":[\"" + group + "\"]}");
                unlink.add((System.nanoTime() - start) / 1e6);
                if (count(db, "select count(*) from participant where resource_id = '" + course + "'") != 0) {
                    throw new IllegalStateException("participants left after unlink");
                }
                bareDelete.add(bareDelete(db, spotId, group, other));
                System.out.printf(Locale.ROOT, "round %d: link %.0f ms (bare %.0f ms), unlink %.0f ms (bare %.0f ms)%n",
                        round, link.get(round - 1), bare.get(round - 1), unlink.get(round - 1),
                        bareDelete.get(round - 1));
            }
            double l = median(link);
            double b = median(bare);
            double u = median(unlink);
            double d = median(bareDelete);
            String table = String.format(Locale.ROOT, "| scenario | Cohort (median of %d) | bare SQL | ratio | target |%n"
                    + "| --- | --- | --- | --- | --- |%n"
                    + "| link a %,d-member group to a secret course (participants + notifications + outbox rows) "
                    + "| %.0f ms | %.0f ms | %.2f× | ≤ 1 s and ≤ 2× |%n"
                    + "| unlink it again (revocation) | %.0f ms | %.0f ms | %.2f× | ≤ 2× |%n",
                    rounds, members, l, b, l / b, u, d, u / d);
            System.out.println(table);
            Files.writeString(Path.of(System.getProperty("bench.out", "target/fanout-bench.md")), table);
        }
    }

    /** The same rows as a link, written by plain INSERT ... SELECT statements in one transaction. */
    static double bareInsert(Connection db, String spot, String group, String course) throws Exception {
        db.setAutoCommit(false);
        long start = System.nanoTime();
        try (Statement s = db.createStatement()) {
            String members = "from group_membership where spot_id = '" + spot + "' and group_id = '" + group + "'";
            long t0 = System.nanoTime();
            s.execute("insert into participant (spot_id, resource_id, member_id, id, status, group_sources, invited_at) "
                    + "select spot_id, '" + course + "', member_id, uuid_v7(), 'Invited', 1, now() " + members);
            long t1 = System.nanoTime();
            s.execute("insert into notification (spot_id, id, member_id, type, body) select spot_id, uuid_v7(), "
                    + "member_id, 'CourseParticipantInvited', jsonb_build_object('resourceId', '" + course + "') " + members);
            long t2 = System.nanoTime();
            s.execute("insert into outbox (spot_id, message_id, template, member_id, resource_id) select spot_id, "
                    + "uuid_v7(), 'course', member_id, '" + course + "' " + members);
            long t3 = System.nanoTime();
            System.out.printf(Locale.ROOT, "  bare: participants %.0f ms, notifications %.0f ms, outbox %.0f ms%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6);
        }
        db.commit();
        db.setAutoCommit(true);
        return (System.nanoTime() - start) / 1e6;
    }

    static double bareDelete(Connection db, String spot, String group, String course) throws Exception {
        long start = System.nanoTime();
        try (Statement s = db.createStatement()) {
            s.execute("delete from participant p using group_membership gm where p.spot_id = '" + spot
                    + "' and p.resource_id = '" + course + "' and gm.spot_id = p.spot_id and gm.group_id = '" + group
                    + "' and gm.member_id = p.member_id");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String post(String url, String authorization, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
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
