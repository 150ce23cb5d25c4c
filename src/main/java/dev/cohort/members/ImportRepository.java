package dev.cohort.members;

import dev.cohort.errors.ConflictException;
import dev.cohort.system.Copy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies checked import rows set-based: one COPY into a temporary table, then a fixed number of statements
 * whatever the number of rows (match emails, insert, update, create and assign tags, upsert values).
 */
@Repository
class ImportRepository {
    /** First key of the advisory lock that serialises the imports of one Spot. */
    private static final int IMPORT_LOCK = 0x1d9071;
    private static final int COPY_CHUNK = 1 << 20;
    /** Inserting more members than this refreshes the member table's statistics. */
    private static final int ANALYZE_AFTER = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ImportRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** How many rows created members and how many updated existing ones. */
    record Counts(int created, int updated) {
    }

    /** What an import applied: its counts, and the ids of the members it created and of those it rewrote. */
    record Applied(Counts counts, List<UUID> created, List<UUID> rewritten) {
    }

    /** Applies the rows; the caller's transaction (the temporary tables live until it commits) publishes. */
    @Transactional
    Applied apply(UUID spotId, List<ImportFile.Row> rows, Collection<UUID> propertyIds) {
        jdbc.sql("select pg_advisory_xact_lock(:lock, hashtext(cast(:spot as text)))")
                .param("lock", IMPORT_LOCK).param("spot", spotId).query().listOfRows();
        int present = jdbc.sql("select id from custom_property where spot_id = :spot and id = any(:ids) for share")
                .param("spot", spotId).param("ids", propertyIds.toArray(UUID[]::new)).query(UUID.class).list().size();
        if (present != propertyIds.size()) {
            throw new ConflictException("body", "A custom property of the file was deleted during the import; "
                    + "nothing was imported, send the file again");
        }
        jdbc.sql("create temporary table import_row (line integer not null, id uuid not null, email text not null, "
                + "firstname text collate \"und-x-icu\", lastname text collate \"und-x-icu\", role text, "
                + "status text, tags jsonb not null, props jsonb not null, existing boolean not null default false) "
                + "on commit drop").update();
        copy(rows);
        jdbc.sql("analyze import_row").update();
        jdbc.sql("update import_row r set id = m.id, existing = true from member m "
                + "where m.spot_id = :spot and lower(m.email) = lower(r.email)").param("spot", spotId).update();
        try {
            Counts counts = statements(spotId);
            return new Applied(counts,
                    jdbc.sql("select id from import_row where not existing").query(UUID.class).list(),
                    jdbc.sql("select id from import_row where existing").query(UUID.class).list());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("email", "A member with an email of the file was created during the import; "
                    + "nothing was imported, send the file again");
        }
    }

    private Counts statements(UUID spotId) {
        int created = jdbc.sql("insert into member (spot_id, id, email, firstname, lastname, role, status, "
                        + "invitation_date, registration_date) "
                        + "select :spot, r.id, r.email, coalesce(r.firstname, ''), coalesce(r.lastname, ''), "
                        + "coalesce(r.role, 'Member'), coalesce(r.status, 'Invited'), "
                        + "case when coalesce(r.status, 'Invited') = 'Invited' then now() end, "
                        + "case when r.status in ('Accepted', 'Pending', 'Deactivated', 'Left', 'Rejected') "
                        + "then now() end from import_row r where not r.existing order by r.line")
                .param("spot", spotId).update();
        if (created >= ANALYZE_AFTER) {
            // The foreign-key checks of the inserts below run cached plans; planned while the table was small they
            // scan it sequentially, once per row. Fresh statistics invalidate those plans.
            jdbc.sql("analyze member").update();
        }
        jdbc.sql("update member m set firstname = coalesce(r.firstname, m.firstname), "
                        + "lastname = coalesce(r.lastname, m.lastname), role = coalesce(r.role, m.role), "
                        + "status = coalesce(r.status, m.status), "
                        + "registration_date = case when r.status in ('Accepted', 'Pending') "
                        + "then coalesce(m.registration_date, now()) else m.registration_date end, updated_at = now() "
                        + "from import_row r where r.existing and m.spot_id = :spot and m.id = r.id and ("
                        + "coalesce(r.firstname, m.firstname) <> m.firstname "
                        + "or coalesce(r.lastname, m.lastname) <> m.lastname or coalesce(r.role, m.role) <> m.role "
                        + "or coalesce(r.status, m.status) <> m.status)")
                .param("spot", spotId).update();
        jdbc.sql("create temporary table import_tag on commit drop as select r.line, t.n, r.id as member_id, "
                + "t.name, lower(t.name) as lower_name from import_row r "
                + "cross join jsonb_array_elements_text(r.tags) with ordinality as t(name, n)").update();
        jdbc.sql("analyze import_tag").update();
        jdbc.sql("insert into tag (spot_id, id, name, sort_order) "
                        + "select :spot, gen_random_uuid(), n.name, "
                        + "coalesce((select max(sort_order) from tag where spot_id = :spot), 0) "
                        + "+ row_number() over (order by n.line, n.n) "
                        + "from (select distinct on (lower_name) name, lower_name, line, n from import_tag "
                        + "order by lower_name, line, n) n "
                        + "where not exists (select 1 from tag g where g.spot_id = :spot and lower(g.name) = n.lower_name) "
                        + "on conflict (spot_id, lower(name)) do nothing")
                .param("spot", spotId).update();
        jdbc.sql("insert into member_tag (spot_id, tag_id, member_id) "
                        + "select distinct :spot, g.id, it.member_id from import_tag it "
                        + "join tag g on g.spot_id = :spot and lower(g.name) = it.lower_name "
                        // In key order: each tag's rows go to the end of its range of the index, not all over it.
                        + "order by 2, 3 on conflict do nothing")
                .param("spot", spotId).update();
        jdbc.sql("insert into member_property_value (spot_id, member_id, property_id, value) "
                        + "select :spot, r.id, cast(p.key as uuid), p.value from import_row r "
                        + "cross join jsonb_each(r.props) as p(key, value) order by r.id, 3 "
                        + "on conflict (spot_id, member_id, property_id) "
                        + "do update set value = excluded.value, updated_at = now()")
                .param("spot", spotId).update();
        int updated = jdbc.sql("select count(*) from import_row where existing").query(Integer.class).single();
        return new Counts(created, updated);
    }

    /** Streams the rows into {@code import_row} with COPY (text format). */
    private void copy(List<ImportFile.Row> rows) {
        try {
            Copy.in(dataSource, "copy import_row (line, id, email, firstname, lastname, role, status, tags, props) "
                    + "from stdin", copy -> writeRows(copy, rows));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into import_row failed", e);
        }
    }

    /** The rows in COPY's text format, a chunk at a time. */
    private static void writeRows(CopyIn copy, List<ImportFile.Row> rows) throws SQLException {
        StringBuilder buffer = new StringBuilder(COPY_CHUNK + 4096);
        for (ImportFile.Row row : rows) {
            buffer.append(row.line()).append('\t').append(row.id());
            for (String text : new String[] {row.email(), row.firstname(), row.lastname(), row.role(),
                    row.status(), tags(row.tags()), props(row.values())}) {
                buffer.append('\t');
                field(buffer, text);
            }
            buffer.append('\n');
            if (buffer.length() >= COPY_CHUNK) {
                write(copy, buffer);
            }
        }
        write(copy, buffer);
    }

    private static void write(CopyIn copy, StringBuilder buffer) throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** A value in COPY's text format: {@code \N} for null, backslash escapes for the delimiters. */
    private static void field(StringBuilder buffer, String text) {
        if (text == null) {
            buffer.append("\\N");
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
    }

    private static String tags(List<String> tags) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        tags.forEach(array::add);
        return JSON.writeValueAsString(array);
    }

    private static String props(Map<UUID, JsonNode> values) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        values.forEach((id, value) -> object.set(id.toString(), value));
        return JSON.writeValueAsString(object);
    }
}
