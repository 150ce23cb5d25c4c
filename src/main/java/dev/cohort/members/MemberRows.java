package dev.cohort.members;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a member row is selected and read, shared by every list that returns SpotMember objects (members, group
 * members, tagged members). Queries alias the member table {@code m} and bind {@code :spot}.
 */
public final class MemberRows {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    /** The columns of a SpotMember, for {@code select ... from member m}. */
    public static final String COLUMNS = "m.id, m.spot_id, m.user_id, m.email, m.title, m.lang, m.role, "
            + "m.custom_role_id, m.status, m.firstname, m.lastname, m.warnings, m.embed_base_urls::text as embed, "
            + "m.updated_at, m.last_activity_at, m.invitation_date, m.registration_date, m.avatar_url, "
            + "m.registration_source::text as source, "
            + "array(select t.tag_id from member_tag t where t.spot_id = m.spot_id and t.member_id = m.id "
            + "order by t.assigned_at, t.tag_id) as tag_ids";

    /** Alphabetical order ignoring case: last name, first name, email, then id for a stable order. */
    public static final String ALPHABETICAL = "lower(m.lastname), lower(m.firstname), lower(m.email), m.id";

    public static final RowMapper<SpotMember> MAPPER = MemberRows::read;

    private MemberRows() {
    }

    private static SpotMember read(ResultSet rs, int row) throws SQLException {
        return new SpotMember(
                rs.getObject("id", UUID.class), rs.getObject("spot_id", UUID.class),
                rs.getObject("user_id", UUID.class), rs.getString("email"), rs.getString("title"),
                rs.getString("lang"), rs.getString("role"), rs.getObject("custom_role_id", UUID.class),
                rs.getString("status"), rs.getString("firstname"), rs.getString("lastname"), rs.getInt("warnings"),
                embed(rs.getString("embed")), millis(rs, "updated_at"), millis(rs, "last_activity_at"),
                millis(rs, "invitation_date"), millis(rs, "registration_date"), rs.getString("avatar_url"),
                uuids(rs.getArray("tag_ids")), json(rs.getString("source")));
    }

    static Long millis(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant().toEpochMilli();
    }

    private static Map<String, Object> embed(String text) {
        Map<String, Object> urls = new LinkedHashMap<>();
        urls.put("default", "");
        Map<String, Object> stored = json(text);
        if (stored != null) {
            urls.putAll(stored);
        }
        return urls;
    }

    private static Map<String, Object> json(String text) {
        return text == null ? null : JSON.readValue(text, MAP);
    }

    static String toJson(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
    }
}
