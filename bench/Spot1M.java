import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * The "Spot-1M" data set (issue 4), generated set-based over JDBC into an existing Spot, deterministic from a seed:
 * members (names, emails, 3 tags of 50, 2 custom properties, registration dates over 3 years, realistic statuses and
 * roles), static groups with Zipf-like sizes (one of members/10, ten of members/100, a long tail), resources of the
 * five types (half restricted), group links and the participants they imply, then ANALYZE. Every count scales with
 * the number of members (1,000,000 gives 10,000 groups, 20,000 resources and 50,000 links).
 * Member n has the id md5('spot1m-member-' || n), so that the load client can name members without a look-up.
 * Arguments: jdbcUrl spotId members
 */
public class Spot1M {
    static final String[] FIRST = {"Ada", "Alan", "Grace", "Linus", "Margaret", "Dennis", "Barbara", "Ken", "Frances",
        "Edsger", "Radia", "Tim", "Sophie", "Donald", "Hedy", "John", "Katherine", "Niklaus", "Anita", "Bjarne",
        "Lucie", "Hugo", "Chloé", "Jules", "Inès", "Louis", "Léa", "Gabriel", "Emma", "Raphaël", "Jade", "Arthur",
        "Louise", "Noah", "Alice", "Adam", "Lina", "Paul", "Rose", "Nina"};
    static final String[] STEM = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
        "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent",
        "Fournier", "Morel", "Girard", "André", "Lovelace", "Turing", "Hopper", "Torvalds", "Hamilton", "Ritchie",
        "Liskov"};
    static final String[] SUFFIX = {"", "son", "ini", "berg", "ez", "-Smith", "ov", "ier", "ton", "ski"};

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        String spot = args[1];
        long n = Long.parseLong(args[2]);
        double f = n / 1_000_000.0;
        long groups = Math.max(20, Math.round(10_000 * f));
        long resources = Math.max(50, Math.round(20_000 * f));
        long links = Math.max(100, Math.round(50_000 * f));
        long total = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             Statement s = db.createStatement()) {
            // One backend, no parallel workers: random() then follows setseed in a fixed order, and the set is
            // the same on every run.
            s.execute("set max_parallel_workers_per_gather = 0");
            s.execute("set synchronous_commit = off");
            // The rows are consistent by construction: no per-row foreign-key triggers while loading (superuser).
            s.execute("set session_replication_role = replica");
            s.execute("select setseed(0.4242)");
            String sp = "'" + spot + "'::uuid";
            step(s, "members", "insert into member (spot_id, id, email, firstname, lastname, lang, role, status, "
                    + "invitation_date, registration_date, last_activity_at, created_at, updated_at) "
                    + "select " + sp + ", md5('spot1m-member-' || x.n)::uuid, 'member' || x.n || '@spot1m.example', "
                    + array(FIRST) + "[1 + floor(x.a * " + FIRST.length + ")::int], "
                    + array(STEM) + "[1 + floor(x.b * " + STEM.length + ")::int] || "
                    + array(SUFFIX) + "[1 + floor(x.c * " + SUFFIX.length + ")::int], "
                    + "case when x.c < 0.8 then 'en' else 'fr' end, "
                    + "case when x.d < 0.003 then 'Admin' else 'Member' end, "
                    + "case when x.e < 0.72 then 'Accepted' when x.e < 0.86 then 'Invited' when x.e < 0.91 then 'Pending' "
                    + "when x.e < 0.95 then 'Left' when x.e < 0.98 then 'Deactivated' "
                    + "when x.e < 0.99 then 'DeclinedInvitation' else 'Rejected' end, "
                    + "timestamptz '2026-11-01' - x.r * interval '1095 days' - interval '2 days', "
                    + "case when x.e >= 0.72 and x.e < 0.86 then null "
                    + "else timestamptz '2026-11-01' - x.r * interval '1095 days' end, "
                    + "case when x.e < 0.72 then timestamptz '2026-11-01' - x.r * x.d * interval '1095 days' end, "
                    + "timestamptz '2026-11-01' - x.r * interval '1095 days' - interval '2 days', "
                    + "timestamptz '2026-11-01' "
                    + "from (select n, random() a, random() b, random() c, random() d, random() e, random() r "
                    + "from generate_series(1, " + n + ") n) x");
            step(s, "tags", "insert into tag (spot_id, id, name, sort_order) select " + sp
                    + ", md5('spot1m-tag-' || t)::uuid, 'tag-' || t, t from generate_series(1, 50) t");
            // Three distinct tags each: base, base + step, base + 2 step (mod 50) with 1 <= step <= 16.
            step(s, "member tags", "insert into member_tag (spot_id, tag_id, member_id) "
                    + "select " + sp + ", md5('spot1m-tag-' || (1 + (x.base + k * x.step) % 50))::uuid, "
                    + "md5('spot1m-member-' || x.n)::uuid from (select n, floor(random() * 50)::int base, "
                    + "1 + floor(random() * 16)::int step from generate_series(1, " + n + ") n) x, "
                    + "generate_series(0, 2) k");
            step(s, "custom properties", "insert into custom_property (spot_id, id, slug, label, type, possible_values) "
                    + "values (" + sp + ", md5('spot1m-plan')::uuid, 'plan', 'Plan', 'SingleSelect', "
                    + "'{Free,Pro,Team}'), (" + sp + ", md5('spot1m-seats')::uuid, 'seats', 'Seats', 'Number', '{}')");
            step(s, "property values", "insert into member_property_value (spot_id, member_id, property_id, value) "
                    + "select " + sp + ", md5('spot1m-member-' || x.n)::uuid, p.id, case p.slug "
                    + "when 'plan' then to_jsonb((array['Free','Free','Free','Pro','Team'])[1 + floor(x.a * 5)::int]) "
                    + "else to_jsonb(1 + floor(x.b * x.b * 200)::int) end "
                    + "from (select n, random() a, random() b from generate_series(1, " + n + ") n) x "
                    + "cross join (values ('plan', md5('spot1m-plan')::uuid), ('seats', md5('spot1m-seats')::uuid)) "
                    + "p (slug, id)");
            // Group sizes: #1 holds n/10, #2..#11 n/100 each, then a Zipf-like tail (n/125) / k^0.9, at least 3.
            s.execute("create temp table bench_group as select g, md5('spot1m-group-' || g)::uuid id, "
                    + "case when g = 1 then " + n / 10 + " when g <= 11 then " + n / 100
                    + " else greatest(3, floor(" + (n / 125.0) + " / power(g - 11, 0.9)))::bigint end size, "
                    + "floor(random() * " + n + ")::bigint start from generate_series(1, " + groups + ") g");
            step(s, "groups", "insert into member_group (spot_id, id, name, created_at, updated_at) select " + sp
                    + ", id, (array['Ambassadors','Builders','Cohort','Designers','Early birds','Founders','Guild',"
                    + "'Hosts','Insiders','Mentors'])[1 + g % 10] || ' ' || lpad(g::text, 5, '0'), "
                    + "timestamptz '2026-11-01' - g * interval '1 hour', timestamptz '2026-11-01' from bench_group");
            step(s, "memberships", "insert into group_membership (spot_id, group_id, member_id) select " + sp
                    + ", b.id, md5('spot1m-member-' || ((b.start + i) % " + n + " + 1))::uuid "
                    + "from bench_group b, generate_series(0, b.size - 1) i");
            step(s, "member counts", "insert into group_member_count (spot_id, group_id, delta) select " + sp
                    + ", id, size from bench_group");
            step(s, "resources", "insert into resource (spot_id, id, type, name, restricted, settings) select " + sp
                    + ", md5('spot1m-resource-' || r)::uuid, t.type, initcap(t.type) || ' ' || r, r % 2 = 0, "
                    + "jsonb_build_object('spot1m', true) from generate_series(1, " + resources + ") r "
                    + "cross join lateral (select (array['live','course','channel','forum','collection'])"
                    + "[1 + r % 5] as type) t");
            // Links go to the tail (groups 12 and up), uniformly; the big groups are the scenarios'.
            step(s, "group links", "insert into resource_group_link (spot_id, resource_id, group_id, with_email) "
                    + "select " + sp + ", md5('spot1m-resource-' || x.r)::uuid, md5('spot1m-group-' || x.g)::uuid, "
                    + "x.e < 0.5 from (select distinct on (r, g) r, g, e from (select 1 + floor(random() * "
                    + resources + ")::bigint r, 12 + floor(random() * " + (groups - 11) + ")::bigint g, "
                    + "random() e from generate_series(1, " + (links * 11 / 10) + ")) y order by r, g) x "
                    + "order by md5(x.r || '-' || x.g) limit " + links);
            step(s, "participants", "insert into participant (spot_id, resource_id, member_id, id, status, "
                    + "group_sources, invited_at) select l.spot_id, l.resource_id, gm.member_id, gen_random_uuid(), "
                    + "case when r.type in ('live', 'course') then 'Invited' else 'Member' end, count(*), "
                    + "timestamptz '2026-11-01' from resource_group_link l "
                    + "join group_membership gm on gm.spot_id = l.spot_id and gm.group_id = l.group_id "
                    + "join resource r on r.spot_id = l.spot_id and r.id = l.resource_id "
                    + "where l.spot_id = " + sp + " group by l.spot_id, l.resource_id, gm.member_id, r.type");
            long t = System.nanoTime();
            s.execute("analyze");
            System.out.printf(Locale.ROOT, "  %-18s %12s %8.1f s%n", "analyze", "", (System.nanoTime() - t) / 1e9);
            try (ResultSet rs = s.executeQuery("select (select count(*) from group_membership), "
                    + "(select max(size) from bench_group), (select count(*) from bench_group where size = "
                    + n / 100 + ")")) {
                rs.next();
                System.out.printf(Locale.ROOT, "Spot-1M: %,d members, %,d groups (largest %,d; %,d of %,d), %,d "
                        + "memberships, %,d resources, %,d links in %.1f s%n", n, groups, rs.getLong(2), rs.getLong(3),
                        n / 100, rs.getLong(1), resources, links, (System.nanoTime() - total) / 1e9);
            }
        }
    }

    static void step(Statement s, String name, String sql) throws Exception {
        long t = System.nanoTime();
        long rows = s.executeLargeUpdate(sql);
        System.out.printf(Locale.ROOT, "  %-18s %,12d rows %8.1f s%n", name, rows, (System.nanoTime() - t) / 1e9);
    }

    static String array(String[] values) {
        StringBuilder b = new StringBuilder("(array[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ",").append('\'').append(values[i].replace("'", "''")).append('\'');
        }
        return b.append("])").toString();
    }
}
