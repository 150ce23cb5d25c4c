import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Participants-table benchmark (issue 5): a published secret course with 20 steps and N participants whose progress
 * is spread deterministically over 0..20 completed steps; times GET /v1/courses/{id}/participants sorted by
 * completion rate, 100 per page, at the first page and a deep page, one client, and reports p50 and p99.
 * Run by bench/run-course-table.sh. Arguments: baseUrl adminToken jdbcUrl participants requests
 */
public class CourseTableBench {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int participants = Integer.parseInt(args[3]);
        int requests = Integer.parseInt(args[4]);
        String spot = send("POST", base + "/admin/v1/spots", "Bearer " + args[1], "{\"name\":\"Course bench\"}");
        String spotId = field(spot, "id");
        String key = field(spot, "apiKey");
        String course = field(send("POST", base + "/v1/courses", key,
                "{\"title\":\"Onboarding\",\"privacy\":\"Secret\",\"status\":\"Published\"}"), "id");
        for (int i = 1; i <= 19; i++) {
            send("POST", base + "/v1/courses/" + course + "/steps", key,
                    "{\"kind\":\"content\",\"title\":\"Step " + i + "\",\"body\":\"Read this.\"}");
        }
        send("POST", base + "/v1/courses/" + course + "/steps", key, "{\"kind\":\"conclusion\",\"title\":\"Done\"}");
        try (Connection db = DriverManager.getConnection(args[2], "postgres", "");
             Statement s = db.createStatement()) {
            long t = System.nanoTime();
            s.execute("select setseed(0.5)");
            s.execute("insert into member (spot_id, id, email, firstname, lastname, status) select '" + spotId
                    + "', gen_random_uuid(), 'learner' || i || '@bench.example', 'First' || i, 'Last' || (i % 9973), "
                    + "'Accepted' from generate_series(1, " + participants + ") i");
            s.execute("create temp table done as select id as member_id, floor(random() * 21)::int as steps "
                    + "from member where spot_id = '" + spotId + "'");
            s.execute("insert into participant (spot_id, resource_id, member_id, id, status, direct, invited_at, "
                    + "started_at, completed_at, completed_steps) select '" + spotId + "', '" + course + "', member_id, gen_random_uuid(), "
                    + "case when steps = 20 then 'Completed' when steps > 0 then 'Started' else 'Invited' end, true, "
                    + "now() - interval '30 days', case when steps > 0 then now() - interval '20 days' end, "
                    + "case when steps = 20 then now() - interval '1 day' end, steps from done");
            s.execute("insert into course_progress (spot_id, course_id, member_id, step_id, completed_at) "
                    + "select '" + spotId + "', '" + course + "', d.member_id, st.id, now() - interval '2 days' "
                    + "from done d join course_step st on st.course_id = '" + course + "' and st.position <= d.steps");
            s.execute("analyze");
            System.out.printf(Locale.ROOT, "data set: %,d participants, 20 steps (%.1f s)%n", participants,
                    (System.nanoTime() - t) / 1e9);
        }
        int deep = Math.max(1, participants / 100 - 100);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "| request (%,d participants, 20 steps, 100 per page, sorted by completion rate) | p50 | p99 | "
                        + "requests |%n| --- | --- | --- | --- |%n", participants));
        for (String page : List.of("1", Integer.toString(deep))) {
            String url = base + "/v1/courses/" + course + "/participants?sort=completionRate&limit=100&page=" + page;
            send("GET", url, key, null);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                send("GET", url, key, null);
                times.add((System.nanoTime() - start) / 1e6);
            }
            Collections.sort(times);
            double p50 = times.get(times.size() / 2);
            double p99 = times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.99) - 1));
            System.out.printf(Locale.ROOT, "page %s: p50 %.1f ms, p99 %.1f ms%n", page, p50, p99);
            table.append(String.format(Locale.ROOT, "| `GET /v1/courses/{id}/participants?sort=completionRate&limit=100"
                    + "&page=%s` | %.1f ms | %.1f ms | %d |%n", page, p50, p99, requests));
        }
        System.out.println(table);
        Files.writeString(Path.of(System.getProperty("bench.out", "target/course-table-bench.md")), table.toString());
    }

    static String send(String method, String url, String authorization, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization);
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
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
