import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The same group workload on Cohort and on Keycloak's admin REST API, in one run, over HTTP on loopback with the same
 * number of concurrent clients: create N members/users, add them to one group one call at a time, list the group 100
 * per page at several depths, count its members; and load a second group with Cohort's ~bulkAdd against Keycloak's
 * single adds. Writes tab-separated rows (measure, Cohort, Keycloak, ratio, target, met/missed) for bench/run.
 * Arguments: cohortUrl cohortKey keycloakUrl adminUser adminPassword users clients outFile
 */
public class KeycloakBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final List<String> rows = new ArrayList<>();
    static String cohort;
    static String key;
    static String kc;
    static volatile String token;

    public static void main(String[] args) throws Exception {
        cohort = args[0];
        key = args[1];
        kc = args[2];
        String user = args[3];
        String password = args[4];
        int n = Integer.parseInt(args[5]);
        int clients = Integer.parseInt(args[6]);
        Path out = Path.of(args[7]);

        token = adminToken(user, password);
        // Long-lived admin tokens for the run (the master realm's default is one minute).
        send("PUT", kc + "/admin/realms/master", "Bearer " + token, "{\"accessTokenLifespan\":7200}");
        token = adminToken(user, password);
        String realm = kc + "/admin/realms/bench";
        send("POST", kc + "/admin/realms", "Bearer " + token, "{\"realm\":\"bench\",\"enabled\":true}");

        // 1. create N members / users, one call at a time
        String[] cohortMembers = new String[n];
        Load cohortCreate = load(clients, n, i -> cohortMembers[i] = field(send("POST", cohort + "/v1/spotMembers", key,
                "{\"email\":\"user" + i + "@bench.example\",\"firstname\":\"First" + i + "\",\"lastname\":\"Last" + i
                        + "\",\"status\":\"Accepted\"}").body(), "id"));
        String[] kcUsers = new String[n];
        Load kcCreate = load(clients, n, i -> kcUsers[i] = location(send("POST", realm + "/users", bearer(),
                "{\"username\":\"user" + i + "\",\"email\":\"user" + i + "@bench.example\",\"firstName\":\"First" + i
                        + "\",\"lastName\":\"Last" + i + "\",\"enabled\":true}")));
        row(fmt("create %,d members / users, one call at a time, %d clients", n, clients),
                fmt("%.0f/s", cohortCreate.rate()), fmt("%.0f/s", kcCreate.rate()),
                fmt("%.1f×", cohortCreate.rate() / kcCreate.rate()), "—", "—");

        // 2. add them to one group, one call at a time
        String cohortGroup = field(send("POST", cohort + "/v1/groups", key, "{\"name\":\"Bench group\"}").body(), "id");
        String kcGroup = location(send("POST", realm + "/groups", bearer(), "{\"name\":\"Bench group\"}"));
        Load cohortAdd = load(clients, n, i -> send("POST", cohort + "/v1/groups/" + cohortGroup + "/spotMembers", key,
                "{\"spotMemberId\":\"" + cohortMembers[i] + "\"}"));
        Load kcAdd = load(clients, n, i -> send("PUT", realm + "/users/" + kcUsers[i] + "/groups/" + kcGroup, bearer(),
                null));
        double addRatio = cohortAdd.rate() / kcAdd.rate();
        row(fmt("add the %,d to one group, one call at a time, %d clients", n, clients),
                fmt("%.0f adds/s (p99 %.1f ms)", cohortAdd.rate(), pct(cohortAdd.latencies, 99)),
                fmt("%.0f adds/s (p99 %.1f ms)", kcAdd.rate(), pct(kcAdd.latencies, 99)),
                fmt("%.1f×", addRatio), "Cohort ≥ 4×", addRatio >= 4 ? "met" : "missed");

        // 3. list the group 100 per page at several depths
        int pages = (n + 99) / 100;
        int reads = 200;
        boolean exact = true;
        for (int page : new int[] {1, Math.max(1, pages / 2), pages}) {
            AtomicInteger wrongTotals = new AtomicInteger();
            Load c = load(clients, reads, i -> {
                String body = send("GET", cohort + "/v1/groups/" + cohortGroup + "/spotMembers?limit=100&page=" + page,
                        key, null).body();
                if (total(body) != n) {
                    wrongTotals.incrementAndGet();
                }
            });
            exact &= wrongTotals.get() == 0;
            Load k = load(clients, reads, i -> send("GET", realm + "/groups/" + kcGroup + "/members?first="
                    + (page - 1) * 100 + "&max=100", bearer(), null));
            double ratio = pct(k.latencies, 50) / pct(c.latencies, 50);
            row(fmt("member page %d of %d (100 per page, %d reads, %d clients)", page, pages, reads, clients),
                    fmt("p50 %.1f ms, p99 %.1f ms", pct(c.latencies, 50), pct(c.latencies, 99)),
                    fmt("p50 %.1f ms, p99 %.1f ms", pct(k.latencies, 50), pct(k.latencies, 99)),
                    fmt("%.1f× faster", ratio), "Cohort ≥ 10× faster", ratio >= 10 ? "met" : "missed");
        }
        row("exact total in every Cohort page", exact ? "yes" : "no", "no total in the answer", "—",
                "exact totals", exact ? "met" : "missed");

        // 4. count the group's members
        List<Double> cohortCount = new ArrayList<>();
        long counted = 0;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            counted = Long.parseLong(number(send("GET", cohort + "/v1/groups/" + cohortGroup, key, null).body(),
                    "membersCount"));
            cohortCount.add((System.nanoTime() - t) / 1e6);
        }
        List<Double> kcCount = new ArrayList<>();
        long kcCounted = 0;
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            kcCounted = 0;
            for (int first = 0; ; first += 100) {
                String body = send("GET", realm + "/groups/" + kcGroup + "/members?briefRepresentation=true&first="
                        + first + "&max=100", bearer(), null).body();
                int items = count(body, "\"username\"");
                kcCounted += items;
                if (items < 100) {
                    break;
                }
            }
            kcCount.add((System.nanoTime() - t) / 1e6);
        }
        row(fmt("count the group's members (Cohort: `membersCount`; Keycloak: fetch every page)"),
                fmt("%,d in %.1f ms", counted, pct(cohortCount, 50)), fmt("%,d in %.0f ms", kcCounted, pct(kcCount, 50)),
                fmt("%.0f× faster", pct(kcCount, 50) / pct(cohortCount, 50)), "exact", counted == n ? "met" : "missed");

        // 5. load a group: Cohort ~bulkAdd (1,000 per call) against Keycloak's single adds (step 2)
        String bulkGroup = field(send("POST", cohort + "/v1/groups", key, "{\"name\":\"Bulk group\"}").body(), "id");
        long t = System.nanoTime();
        for (int from = 0; from < n; from += 1000) {
            List<String> ids = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                ids.add("\"" + cohortMembers[i] + "\"");
            }
            send("POST", cohort + "/v1/groups/" + bulkGroup + "/spotMembers~bulkAdd", key,
                    "{\"spotMemberIds\":[" + String.join(",", ids) + "]}");
        }
        double bulk = (System.nanoTime() - t) / 1e6;
        double ratio = kcAdd.seconds * 1000 / bulk;
        row(fmt("load a group with %,d members: Cohort `~bulkAdd` (%d calls) vs Keycloak single adds (%d clients)", n,
                        (n + 999) / 1000, clients),
                fmt("%.0f ms", bulk), fmt("%.0f ms", kcAdd.seconds * 1000), fmt("%.0f× faster", ratio),
                "Cohort ≥ 50× faster", ratio >= 50 ? "met" : "missed");
        Files.write(out, rows);
    }

    // ---- helpers

    interface Op {
        void run(int i) throws Exception;
    }

    record Load(List<Double> latencies, double seconds) {
        double rate() {
            return latencies.size() / seconds;
        }
    }

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

    static void row(String measure, String cohortFigure, String kcFigure, String ratio, String target, String verdict) {
        System.out.printf(Locale.ROOT, "%s | Cohort %s | Keycloak %s | %s | %s %s%n", measure, cohortFigure, kcFigure,
                ratio, target, verdict);
        rows.add(String.join("\t", measure, cohortFigure, kcFigure, ratio, target, verdict));
    }

    static String adminToken(String user, String password) throws Exception {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(kc + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("admin token: " + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "access_token");
    }

    static String bearer() {
        return "Bearer " + token;
    }

    static HttpResponse<String> send(String method, String url, String authorization, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("no Location in " + response.uri()));
        return location.substring(location.lastIndexOf('/') + 1);
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

    static long total(String json) {
        return Long.parseLong(number(json, "total"));
    }

    static String number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            count++;
        }
        return count;
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
