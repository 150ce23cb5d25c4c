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
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expiry benchmark (issue 15): N memberships of one group linked to R restricted resources (secret courses) all
 * reach their validUntil at the same instant; the service's expiry job (running every second here) ends them,
 * revoking the R × N participants. Its run time is read from the job's log line; beside it, the bare SQL of the
 * same delete (memberships, count delta, participants held by that group alone) in a transaction rolled back, in
 * the same run. Run by bench/run-expiry.sh, which starts the service on a fresh PostgreSQL database.
 * Arguments: baseUrl adminToken jdbcUrl appLog members resources
 */
public class ExpiryBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Pattern ENDED = Pattern.compile("Ended (\\d+) expired memberships in (\\d+) groups in (\\d+) ms");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        String jdbcUrl = args[2];
        Path log = Path.of(args[3]);
        int members = Integer.parseInt(args[4]);
        int resources = Integer.parseInt(args[5]);
        String spot = post(base + "/admin/v1/spots", "Bearer " + admin, "{\"name\":\"Bench\"}");
        String spotId = field(spot, "id");
        String key = field(spot, "apiKey");
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            db.setAutoCommit(true);
            long t = System.nanoTime();
            String group = field(post(base + "/v1/groups", key, "{\"name\":\"Trial\"}"), "id");
            try (Statement s = db.createStatement()) {
                s.execute("insert into member (spot_id, id, email, firstname, lastname, status) select '" + spotId
                        + "', gen_random_uuid(), 'member' || i || '@bench.example', 'First' || i, 'Last' || (i % 9973), "
                        + "'Accepted' from generate_series(1, " + members + ") i");
                // the membership key check (V9) looks members up by index only when the planner knows they are many
                s.execute("analyze member");
                s.execute("insert into group_membership (spot_id, group_id, member_id) select spot_id, '" + group
                        + "', id from member where spot_id = '" + spotId + "'");
                s.execute("insert into group_member_count (spot_id, group_id, delta) values ('" + spotId + "', '"
                        + group + "', " + members + ")");
                s.execute("analyze");
            }
            List<String> courses = new ArrayList<>();
            for (int i = 1; i <= resources; i++) {
                String course = field(post(base + "/v1/courses", key, "{\"title\":\"Secret course " + i
                        + "\",\"privacy\":\"Secret\",\"status\":\"Published\"}"), "id");
                post(base + "/v1/courses/" + course + "/groups~bulkAdd", key,
                        "{\"groupIds\":[\"" + group + "\"],\"withEmailNotification\":false}");
                courses.add(course);
            }
            String inCourses = "('" + String.join("','", courses) + "')";
            long participants = count(db, "select count(*) from participant where resource_id in " + inCourses);
            if (participants != (long) members * resources) {
                throw new IllegalStateException("expected " + (long) members * resources + " participants, found "
                        + participants);
            }
            try (Statement s = db.createStatement()) {
                s.execute("analyze");
            }
            System.out.printf(Locale.ROOT, "data set: %,d members in one group linked to %d secret courses, %,d "
                    + "participants (%.1f s)%n", members, resources, participants, (System.nanoTime() - t) / 1e9);

            // Every membership ends in 30 s; first the bare SQL of the same delete (reading 30 s ahead), rolled back.
            try (Statement s = db.createStatement()) {
                s.execute("update group_membership set valid_until = now() + interval '30 seconds' where spot_id = '"
                        + spotId + "' and group_id = '" + group + "'");
                s.execute("analyze group_membership");
            }
            double bare = bareDelete(db, spotId, group, inCourses, members, resources);
            long logStart = Files.size(log);
            long deadline = System.nanoTime() + 120_000_000_000L;
            Matcher ended = null;
            while (ended == null && System.nanoTime() < deadline) {
                Thread.sleep(200);
                String tail = Files.readString(log).substring((int) logStart);
                Matcher m = ENDED.matcher(tail);
                if (m.find()) {
                    ended = m;
                }
            }
            if (ended == null) {
                throw new IllegalStateException("no expiry run in the log within 120 s");
            }
            long left = count(db, "select count(*) from group_membership where group_id = '" + group + "'");
            long leftParticipants = count(db, "select count(*) from participant where resource_id in " + inCourses);
            String membersCount = field(get(base + "/v1/groups/" + group, key), "membersCount", "(\\d+)");
            if (left != 0 || leftParticipants != 0 || !membersCount.equals("0")) {
                throw new IllegalStateException("after the run: " + left + " memberships, " + leftParticipants
                        + " participants, membersCount " + membersCount);
            }
            long run = Long.parseLong(ended.group(3));
            String table = String.format(Locale.ROOT, "| scenario | Cohort (one job run) | bare SQL | ratio | target |%n"
                    + "| --- | --- | --- | --- | --- |%n"
                    + "| %,d memberships expiring at the same instant, group linked to %d secret courses (%,d "
                    + "participants revoked) | %,d ms | %.0f ms | %.2f× | < 10 s |%n",
                    Long.parseLong(ended.group(1)), resources, participants, run, bare, run / bare);
            System.out.println(table);
            Files.writeString(Path.of(System.getProperty("bench.out", "target/expiry-bench.md")), table);
        }
    }

    /** The same delete as the job's, in plain SQL, in a transaction rolled back: memberships, delta, participants. */
    static double bareDelete(Connection db, String spot, String group, String courses, int members, int resources)
            throws Exception {
        db.setAutoCommit(false);
        long start = System.nanoTime();
        long removed;
        try (Statement s = db.createStatement()) {
            removed = count(s, "with removed as (delete from group_membership where spot_id = '" + spot
                    + "' and group_id = '" + group + "' and valid_until <= now() + interval '30 seconds' returning member_id), "
                    + "counted as (insert into group_member_count (spot_id, group_id, delta) select '" + spot + "', '"
                    + group + "', -count(*) from removed), "
                    + "revoked as (delete from participant p using removed r where p.spot_id = '" + spot
                    + "' and p.resource_id in " + courses + " and p.member_id = r.member_id and p.group_sources = 1 "
                    + "and not p.direct and not p.self_enrolled returning 1) "
                    + "select count(*) from revoked");
        }
        double ms = (System.nanoTime() - start) / 1e6;
        db.rollback();
        db.setAutoCommit(true);
        if (removed != (long) members * resources) {
            throw new IllegalStateException("bare delete revoked " + removed);
        }
        System.out.printf(Locale.ROOT, "bare SQL: %.0f ms (rolled back)%n", ms);
        return ms;
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement()) {
            return count(s, sql);
        }
    }

    static long count(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String get(String url, String authorization) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build());
    }

    static String post(String url, String authorization, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static String send(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        return field(json, name, "\"([^\"]+)\"");
    }

    static String field(String json, String name, String value) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*" + value).matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
