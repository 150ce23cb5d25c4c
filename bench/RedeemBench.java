import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Join-code redeem benchmark (issue 15): a Spot with one static code group, N single-use codes made through
 * {@code POST /v1/groups/{id}/joinCodes~generate} (100,000 a call, each call timed), members inserted by SQL with a
 * member token each, then {@code POST /v1/me/groups~redeem} of random unused codes timed with 1 client and with C
 * clients. Floors measured in the same run: the redeem's statements as bare SQL over one JDBC connection (one
 * transaction per redeem), and the cheapest request with a member token (the fixed cost of a request). Afterwards the
 * group's membersCount must equal the successful redeems and every redeemed code must have been used once. Run by
 * bench/run-redeem.sh, which starts the service on a fresh PostgreSQL database.
 * Arguments: baseUrl adminToken jdbcUrl codes redeems clients
 */
public class RedeemBench {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final int BATCH = 100_000;
    static final int WARMUP = 200;

    // The statements of JoinCodeService.redeem (JoinCodeRepository.find, use; MembershipRepository.addRedeemed), as
    // Cohort sends them.
    static final String FIND = "select id, group_id, max_uses, uses, valid_from, valid_until, membership_days "
            + "from join_code where spot_id = ? and code = ? and not revoked";
    static final String USE = "update join_code set uses = uses + 1 where spot_id = ? and id = ? and not revoked "
            + "and (max_uses is null or uses < max_uses) returning id";
    static final String ADD = "with added as (insert into group_membership (spot_id, group_id, member_id, source, "
            + "join_code_id, valid_until) values (?, ?, ?, 'code', ?, cast(? as timestamptz)) on conflict do nothing "
            + "returning member_id), counted as (insert into group_member_count (spot_id, group_id, delta) "
            + "select ?, ?, count(*) from added having count(*) > 0) select count(*) from added";
    // The three reads Cohort adds in the same transaction: the group locked shared (JoinCodeRepository.group), the
    // member already in it (isMember), the group's links (AccessListener.linked, on MembersAddedToGroup).
    static final String GROUP = "select g.id, g.kind, g.join_type, g.start_date, g.stop_date from member_group g "
            + "where g.spot_id = ? and g.id = ? and g.deleted_at is null for share of g";
    static final String IS_MEMBER = "select exists (select 1 from group_membership where spot_id = ? and group_id = ? "
            + "and member_id = ?)";
    static final String LINKED = "select exists (select 1 from resource_group_link where spot_id = ? and group_id = ?)";

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String admin = args[1];
        String jdbcUrl = args[2];
        int codes = Integer.parseInt(args[3]);
        int redeems = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        String spot = post(base + "/admin/v1/spots", "Bearer " + admin, "{\"name\":\"Bench\"}");
        String spotId = field(spot, "id");
        String key = field(spot, "apiKey");
        String group = field(post(base + "/v1/groups", key, "{\"name\":\"Paper club\",\"joinType\":\"code\"}"), "id");
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            db.setAutoCommit(true);

            // 1. N codes through the API, 100,000 a call, each call timed by the client (whole request and answer).
            List<Double> calls = new ArrayList<>();
            long t = System.nanoTime();
            for (int made = 0; made < codes; ) {
                int count = Math.min(BATCH, codes - made);
                long start = System.nanoTime();
                String answer = post(base + "/v1/groups/" + group + "/joinCodes~generate", key,
                        "{\"count\":" + count + "}");
                double ms = (System.nanoTime() - start) / 1e6;
                String total = field(answer, "total", "(\\d+)");
                if (Integer.parseInt(total) != count) {
                    throw new IllegalStateException("~generate of " + count + " answered total " + total);
                }
                calls.add(ms);
                made += count;
                System.out.printf(Locale.ROOT, "codes: %,d of %,d (this call %,.0f ms)%n", made, codes, ms);
            }
            long stored = count(db, "select count(*) from join_code");
            if (stored != codes) {
                throw new IllegalStateException("expected " + codes + " codes in join_code, found " + stored);
            }
            System.out.printf(Locale.ROOT, "codes: %,d stored (%.1f s)%n", stored, (System.nanoTime() - t) / 1e9);

            // 2. Members by SQL (Accepted), one per redeem: HTTP warm-up, 1 client, C clients, then the two SQL floors.
            int httpMembers = WARMUP + 2 * redeems;
            int sqlMembers = 2 * (WARMUP + redeems);
            int members = httpMembers + sqlMembers;
            try (Statement s = db.createStatement()) {
                s.execute("insert into member (spot_id, id, email, firstname, lastname, status) select '" + spotId
                        + "', gen_random_uuid(), 'member' || i || '@bench.example', 'First' || i, 'Last' || (i % 9973), "
                        + "'Accepted' from generate_series(1, " + members + ") i");
                s.execute("analyze");
            }
            List<UUID> memberIds = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select id from member where "
                    + "spot_id = '" + spotId + "' order by email")) {
                while (rs.next()) {
                    memberIds.add(rs.getObject(1, UUID.class));
                }
            }
            if (memberIds.size() != members) {
                throw new IllegalStateException("expected " + members + " members, found " + memberIds.size());
            }
            System.out.printf(Locale.ROOT, "members: %,d inserted%n", members);
            String[] tokens = new String[httpMembers];
            for (int i = 0; i < httpMembers; i++) {
                tokens[i] = field(post(base + "/admin/v1/spots/" + spotId + "/memberTokens", "Bearer " + admin,
                        "{\"spotMemberId\":\"" + memberIds.get(i) + "\",\"expiresInSeconds\":86400}"), "token");
                if ((i + 1) % 500 == 0 || i + 1 == httpMembers) {
                    System.out.printf(Locale.ROOT, "tokens: %,d of %,d%n", i + 1, httpMembers);
                }
            }

            // 3. Random unused codes, one per member, in the order the members are used.
            List<String> picked = new ArrayList<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select code from join_code "
                    + "where spot_id = '" + spotId + "' and uses = 0 order by random() limit " + members)) {
                while (rs.next()) {
                    picked.add(rs.getString(1));
                }
            }
            if (picked.size() != members) {
                throw new IllegalStateException("needed " + members + " unused codes, found " + picked.size());
            }

            // The code read's plan with the Spot's N codes (printed only): the unique index (spot_id, code).
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("explain (analyze, buffers) "
                    + FIND.replaceFirst("\\?", "'" + spotId + "'").replaceFirst("\\?", "'" + picked.get(0) + "'"))) {
                System.out.println("EXPLAIN of the code read:");
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1));
                }
            }

            // 4. Redeems over HTTP: warm-up (not timed), 1 client, C clients.
            String redeem = base + "/v1/me/groups~redeem";
            int next = 0;
            for (int i = 0; i < WARMUP; i++, next++) {
                redeem(redeem, tokens[next], picked.get(next), group);
            }
            System.out.printf(Locale.ROOT, "warm-up: %d redeems%n", WARMUP);
            Run single = redeems(redeem, tokens, picked, next, redeems, 1, group);
            next += redeems;
            System.out.println("redeem, 1 client: " + single.describe());
            Run concurrent = redeems(redeem, tokens, picked, next, redeems, clients, group);
            next += redeems;
            System.out.println("redeem, " + clients + " clients: " + concurrent.describe());

            // 5. Floors: the redeem's statements over one JDBC connection; the cheapest request with a member token.
            UUID spotUuid = UUID.fromString(spotId);
            UUID groupUuid = UUID.fromString(group);
            sqlRedeems(db, spotUuid, groupUuid, memberIds, picked, next, WARMUP, false);
            next += WARMUP;
            Run bare = sqlRedeems(db, spotUuid, groupUuid, memberIds, picked, next, redeems, false);
            next += redeems;
            System.out.println("bare SQL redeem (read, conditional update, membership + delta, commit): "
                    + bare.describe());
            sqlRedeems(db, spotUuid, groupUuid, memberIds, picked, next, WARMUP, true);
            next += WARMUP;
            Run asCohort = sqlRedeems(db, spotUuid, groupUuid, memberIds, picked, next, redeems, true);
            next += redeems;
            System.out.println("bare SQL redeem with Cohort's three extra reads (group for share, isMember, linked): "
                    + asCohort.describe());
            Run me = gets(base + "/v1/me", tokens[0], redeems);
            System.out.println("GET /v1/me: " + me.describe());
            Run joinable = gets(base + "/v1/me/groups/joinable?limit=1", tokens[0], redeems);
            System.out.println("GET /v1/me/groups/joinable?limit=1: " + joinable.describe());
            boolean meCheaper = me.pct(50) <= joinable.pct(50);
            Run fixed = meCheaper ? me : joinable;
            String fixedName = meCheaper ? "GET /v1/me" : "GET /v1/me/groups/joinable?limit=1";
            String otherName = meCheaper ? "GET /v1/me/groups/joinable?limit=1" : "GET /v1/me";
            Run other = meCheaper ? joinable : me;

            // 6. Every redeem counted once: membersCount, the codes' uses, the memberships' source.
            int redeemed = next;
            String membersCount = field(get(base + "/v1/groups/" + group, key), "membersCount", "(\\d+)");
            long memberships = count(db, "select count(*) from group_membership where spot_id = '" + spotId
                    + "' and group_id = '" + group + "' and source = 'code' and join_code_id is not null");
            long usedOnce;
            try (PreparedStatement s = db.prepareStatement("select count(*) from join_code where spot_id = ? "
                    + "and code = any(?) and uses = 1")) {
                s.setObject(1, spotUuid);
                Array array = db.createArrayOf("text", picked.toArray());
                s.setArray(2, array);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    usedOnce = rs.getLong(1);
                }
            }
            long used = count(db, "select count(*) from join_code where uses > 0");
            if (!membersCount.equals(Integer.toString(redeemed)) || memberships != redeemed || usedOnce != redeemed
                    || used != redeemed) {
                throw new IllegalStateException("after " + redeemed + " redeems: membersCount " + membersCount + ", "
                        + memberships + " code memberships, " + usedOnce + " of the redeemed codes with uses = 1, "
                        + used + " codes used in all");
            }
            System.out.printf(Locale.ROOT, "checked: membersCount %s = %d redeems (warm-ups and SQL floors included), "
                    + "each redeemed code used once%n", membersCount, redeemed);

            String md = String.format(Locale.ROOT, "| scenario | Cohort | floor | ratio | target |%n"
                    + "| --- | --- | --- | --- | --- |%n"
                    + "| `~generate` 100,000 single-use codes (%d call%s, %,d codes in the Spot at the end) | p50 %,.0f ms, "
                    + "max %,.0f ms | — | — | < 5 s |%n"
                    + "| redeem, 1 client (%,d redeems after %d warm-up, %,d codes in the Spot) | %s | bare SQL p50 "
                    + "%.1f ms, p99 %.1f ms; %s p50 %.1f ms | %.1f× the SQL (p50); %.1f× SQL + request | p50 < 15 ms |%n"
                    + "| redeem, %d clients (%,d redeems) | %s | — | — | — |%n"
                    + "| bare SQL redeem, 1 JDBC connection (%,d redeems after %d warm-up) | — | %s | — | — |%n"
                    + "| fixed cost: `%s` with a member token, 1 client (%,d after %d warm-up) | %s | — | — | — |%n",
                    calls.size(), calls.size() == 1 ? "" : "s", codes, pct(calls, 50), Collections.max(calls),
                    redeems, WARMUP, codes, single.describe(), bare.pct(50), bare.pct(99), fixedName, fixed.pct(50),
                    single.pct(50) / bare.pct(50), single.pct(50) / (bare.pct(50) + fixed.pct(50)),
                    clients, redeems, concurrent.describe(),
                    redeems, WARMUP, bare.describe(),
                    fixedName, redeems, WARMUP, fixed.describe());
            md += String.format(Locale.ROOT, "%nThe same SQL with the three reads Cohort adds in the redeem's "
                    + "transaction (the group `for share`,%nwhether the member is in it, whether it has links): %s.%n"
                    + "The other member-token request: `%s`: %s.%n", asCohort.describe(), otherName, other.describe());
            System.out.println(md);
            Files.writeString(Path.of(System.getProperty("bench.out", "target/redeem-bench.md")), md);
        }
    }

    /** Latencies (ms) of one series and its wall time. */
    record Run(List<Double> latencies, double wallMs) {
        double pct(double p) {
            return RedeemBench.pct(latencies, p);
        }

        String describe() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %,.0f/s",
                    pct(50), pct(90), pct(99), Collections.max(latencies), latencies.size() / (wallMs / 1000));
        }
    }

    /** {@code count} redeems from {@code from} on, over {@code clients} concurrent clients, each request timed. */
    static Run redeems(String url, String[] tokens, List<String> codes, int from, int count, int clients,
                       String group) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < from + count; ) {
                        long t = System.nanoTime();
                        redeem(url, tokens[i], codes.get(i), group);
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
        return new Run(latencies, (System.nanoTime() - start) / 1e6);
    }

    static void redeem(String url, String token, String code, String group) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || !response.body().contains("\"status\":\"Joined\"")
                || !response.body().contains(group)) {
            throw new IllegalStateException("redeem of " + code + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** {@code count} sequential GETs with a member token after as many untimed. */
    static Run gets(String url, String token, int count) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .GET().build();
        for (int i = 0; i < WARMUP; i++) {
            send(request);
        }
        List<Double> latencies = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long t = System.nanoTime();
            send(request);
            latencies.add((System.nanoTime() - t) / 1e6);
        }
        return new Run(latencies, (System.nanoTime() - start) / 1e6);
    }

    /**
     * The redeem as bare SQL, one transaction per redeem over one connection: read the code by (spot_id, code), count
     * the use by the conditional update, insert the membership with its count delta (Cohort's statement), commit;
     * with {@code cohortReads} also the three reads Cohort makes in between. Every step must succeed.
     */
    static Run sqlRedeems(Connection db, UUID spot, UUID group, List<UUID> members, List<String> codes, int from,
                          int count, boolean cohortReads) throws Exception {
        db.setAutoCommit(false);
        List<Double> latencies = new ArrayList<>();
        long start = System.nanoTime();
        try (PreparedStatement find = db.prepareStatement(FIND); PreparedStatement use = db.prepareStatement(USE);
             PreparedStatement add = db.prepareStatement(ADD); PreparedStatement lock = db.prepareStatement(GROUP);
             PreparedStatement isMember = db.prepareStatement(IS_MEMBER);
             PreparedStatement linked = db.prepareStatement(LINKED)) {
            for (int i = from; i < from + count; i++) {
                long t = System.nanoTime();
                UUID member = members.get(i);
                find.setObject(1, spot);
                find.setString(2, codes.get(i));
                UUID code;
                try (ResultSet rs = find.executeQuery()) {
                    if (!rs.next() || !rs.getObject("group_id", UUID.class).equals(group)) {
                        throw new IllegalStateException("bare SQL: no code " + codes.get(i));
                    }
                    code = rs.getObject("id", UUID.class);
                }
                if (cohortReads) {
                    lock.setObject(1, spot);
                    lock.setObject(2, group);
                    single(lock, "group");
                    isMember.setObject(1, spot);
                    isMember.setObject(2, group);
                    isMember.setObject(3, member);
                    if ((Boolean) single(isMember, "isMember")) {
                        throw new IllegalStateException("bare SQL: member " + member + " already in the group");
                    }
                }
                use.setObject(1, spot);
                use.setObject(2, code);
                single(use, "use of " + codes.get(i));
                add.setObject(1, spot);
                add.setObject(2, group);
                add.setObject(3, member);
                add.setObject(4, code);
                add.setNull(5, Types.TIMESTAMP_WITH_TIMEZONE);
                add.setObject(6, spot);
                add.setObject(7, group);
                if (((Number) single(add, "membership")).longValue() != 1) {
                    throw new IllegalStateException("bare SQL: member " + member + " not added");
                }
                if (cohortReads) {
                    linked.setObject(1, spot);
                    linked.setObject(2, group);
                    single(linked, "linked");
                }
                db.commit();
                latencies.add((System.nanoTime() - t) / 1e6);
            }
        } catch (Exception e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
        return new Run(latencies, (System.nanoTime() - start) / 1e6);
    }

    /** Runs a query that must answer one row; returns its first column. */
    static Object single(PreparedStatement s, String what) throws Exception {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("bare SQL: " + what + " answered no row");
            }
            return rs.getObject(1);
        }
    }

    static double pct(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static long count(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
