package dev.cohort.members;

import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SQL of custom property definitions and of members' values. Queries alias the property table {@code p}. */
@Repository
class CustomPropertyRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String COLUMNS = "p.id, p.slug, p.label, p.description, p.type, p.possible_values";
    /** The order properties are listed in: the order they were defined. */
    static final String ORDER = "p.created_at, p.slug";
    static final RowMapper<CustomProperty> MAPPER = CustomPropertyRepository::read;

    private final JdbcClient jdbc;

    CustomPropertyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID spotId, String slug, String label, String description, String type, List<String> values) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into custom_property (spot_id, id, slug, label, description, type, possible_values, created_at) "
                        + "values (:spot, :id, :slug, :label, :description, :type, :values, clock_timestamp())")
                .param("spot", spotId).param("id", id).param("slug", slug).param("label", label)
                .param("description", description).param("type", type)
                .param("values", values.toArray(String[]::new)).update();
        return id;
    }

    Optional<CustomProperty> find(UUID spotId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from custom_property p where p.spot_id = :spot and p.id = :id")
                .param("spot", spotId).param("id", id).query(MAPPER).optional();
    }

    Optional<CustomProperty> findBySlug(UUID spotId, String slug) {
        return jdbc.sql("select " + COLUMNS + " from custom_property p where p.spot_id = :spot and p.slug = :slug")
                .param("spot", spotId).param("slug", slug).query(MAPPER).optional();
    }

    /** Every property of the Spot, in list order. */
    List<CustomProperty> all(UUID spotId) {
        return jdbc.sql("select " + COLUMNS + " from custom_property p where p.spot_id = :spot order by " + ORDER)
                .param("spot", spotId).query(MAPPER).list();
    }

    ListPage<CustomProperty> page(UUID spotId, String where, Map<String, Object> params, Paging paging) {
        List<CustomProperty> items = jdbc.sql("select " + COLUMNS + " from custom_property p where p.spot_id = :spot"
                        + where + " order by " + ORDER + " limit :limit offset :offset")
                .params(params).param("spot", spotId).param("limit", paging.limit())
                .param("offset", paging.offset()).query(MAPPER).list();
        long total = jdbc.sql("select count(*) from custom_property p where p.spot_id = :spot" + where)
                .params(params).param("spot", spotId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    void update(UUID spotId, UUID id, String label, String description, List<String> values) {
        jdbc.sql("update custom_property set label = :label, description = :description, possible_values = :values "
                        + "where spot_id = :spot and id = :id")
                .param("spot", spotId).param("id", id).param("label", label).param("description", description)
                .param("values", values.toArray(String[]::new)).update();
    }

    /** After a select property lost options: a SingleSelect value using one goes, a MultipleSelect value drops it. */
    void pruneValues(UUID spotId, UUID id, String type, List<String> values) {
        String[] allowed = values.toArray(String[]::new);
        if (type.equals(CustomProperty.SINGLE_SELECT)) {
            jdbc.sql("delete from member_property_value where spot_id = :spot and property_id = :id "
                            + "and not (value #>> '{}' = any(:allowed))")
                    .param("spot", spotId).param("id", id).param("allowed", allowed).update();
            return;
        }
        jdbc.sql("update member_property_value v set value = coalesce((select jsonb_agg(e) from "
                        + "jsonb_array_elements_text(v.value) e where e = any(:allowed)), '[]'::jsonb), updated_at = now() "
                        + "where v.spot_id = :spot and v.property_id = :id "
                        + "and exists (select 1 from jsonb_array_elements_text(v.value) e where not (e = any(:allowed)))")
                .param("spot", spotId).param("id", id).param("allowed", allowed).update();
    }

    int delete(UUID spotId, UUID id) {
        return jdbc.sql("delete from custom_property where spot_id = :spot and id = :id")
                .param("spot", spotId).param("id", id).update();
    }

    /** One page of the Spot's properties with the member's value of each (null when unset). */
    ListPage<CustomPropertyValue> values(UUID spotId, UUID memberId, Paging paging) {
        List<CustomPropertyValue> items = jdbc.sql("select " + COLUMNS + ", v.value::text as value "
                        + "from custom_property p left join member_property_value v on v.spot_id = p.spot_id "
                        + "and v.property_id = p.id and v.member_id = :member where p.spot_id = :spot "
                        + "order by " + ORDER + " limit :limit offset :offset")
                .param("spot", spotId).param("member", memberId).param("limit", paging.limit())
                .param("offset", paging.offset())
                .query((rs, n) -> CustomPropertyValue.of(read(rs, n), json(rs.getString("value")))).list();
        long total = jdbc.sql("select count(*) from custom_property where spot_id = :spot")
                .param("spot", spotId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    /** Sets (value not null) or clears (null) each property's value of one member, in two statements. */
    void write(UUID spotId, UUID memberId, Map<UUID, JsonNode> values) {
        List<UUID> cleared = values.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        List<Map.Entry<UUID, JsonNode>> set = values.entrySet().stream().filter(e -> e.getValue() != null).toList();
        if (!cleared.isEmpty()) {
            jdbc.sql("delete from member_property_value where spot_id = :spot and member_id = :member "
                            + "and property_id = any(:ids)")
                    .param("spot", spotId).param("member", memberId).param("ids", cleared.toArray(UUID[]::new))
                    .update();
        }
        if (!set.isEmpty()) {
            jdbc.sql("insert into member_property_value (spot_id, member_id, property_id, value) "
                            + "select :spot, :member, u.id, cast(u.value as jsonb) "
                            + "from unnest(cast(:ids as uuid[]), cast(:values as text[])) as u(id, value) "
                            + "on conflict (spot_id, member_id, property_id) "
                            + "do update set value = excluded.value, updated_at = now()")
                    .param("spot", spotId).param("member", memberId)
                    .param("ids", set.stream().map(Map.Entry::getKey).toArray(UUID[]::new))
                    .param("values", set.stream().map(e -> e.getValue().toString()).toArray(String[]::new))
                    .update();
        }
    }

    boolean memberExists(UUID spotId, UUID memberId) {
        return jdbc.sql("select 1 from member where spot_id = :spot and id = :id")
                .param("spot", spotId).param("id", memberId).query(Integer.class).optional().isPresent();
    }

    private static CustomProperty read(ResultSet rs, int row) throws SQLException {
        Array values = rs.getArray("possible_values");
        return new CustomProperty(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("label"),
                rs.getString("description"), rs.getString("type"),
                values == null ? List.of() : List.of((String[]) values.getArray()));
    }

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }
}
