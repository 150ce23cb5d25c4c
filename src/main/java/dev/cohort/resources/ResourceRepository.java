package dev.cohort.resources;

import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code resource} table, aliased {@code r}: one row per resource of any type, its own fields in settings. */
@Repository
class ResourceRepository {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "r.id, r.type, r.name, r.restricted, r.settings::text as settings, "
            + "r.created_at, r.updated_at";
    private static final String ONE = " where r.spot_id = :spot and r.type = :type and r.id = :id";

    private final JdbcClient jdbc;

    ResourceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The SQL text of a setting, for filters: {@code r.settings->>'privacy'}. */
    static String setting(String field) {
        return "(r.settings->>'" + field + "')";
    }

    Resource insert(UUID spotId, ResourceType type, String name, boolean restricted, JsonNode settings) {
        // clock_timestamp(), not now(): resources created in one transaction keep their creation order.
        return jdbc.sql("insert into resource as r (spot_id, id, type, name, restricted, settings, created_at, "
                        + "updated_at) values (:spot, :id, :type, :name, :restricted, cast(:settings as jsonb), "
                        + "clock_timestamp(), clock_timestamp()) returning " + COLUMNS)
                .param("spot", spotId).param("id", UUID.randomUUID()).param("type", type.code())
                .param("name", name).param("restricted", restricted)
                .param("settings", JSON.writeValueAsString(settings))
                .query(ResourceRepository::resource).single();
    }

    Optional<Resource> find(UUID spotId, ResourceType type, UUID id) {
        return one("select " + COLUMNS + " from resource r" + ONE, spotId, type, id);
    }

    /** The resource, its row locked until the end of the transaction. */
    Optional<Resource> lock(UUID spotId, ResourceType type, UUID id) {
        return one("select " + COLUMNS + " from resource r" + ONE + " for update", spotId, type, id);
    }

    ListPage<Resource> page(UUID spotId, ResourceType type, String where, Map<String, Object> params, Paging paging) {
        String from = " from resource r where r.spot_id = :spot and r.type = :type" + where;
        List<Resource> items = jdbc.sql("select " + COLUMNS + from + " order by r.created_at, r.id "
                        + "limit :limit offset :offset")
                .params(params).param("spot", spotId).param("type", type.code())
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query(ResourceRepository::resource).list();
        long total = jdbc.sql("select count(*)" + from).params(params).param("spot", spotId)
                .param("type", type.code()).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    /**
     * Writes the name and settings; {@code updated_at} moves only when one of them changes, so that an update that
     * changes nothing changes nothing (settings compared as JSON values, whatever their keys' order).
     */
    Resource update(UUID spotId, ResourceType type, UUID id, String name, boolean restricted, JsonNode settings) {
        return jdbc.sql("update resource r set name = :name, restricted = :restricted, "
                        + "settings = cast(:settings as jsonb), updated_at = case when (r.name, r.restricted, "
                        + "r.settings) is distinct from (cast(:name as text), :restricted, cast(:settings as jsonb)) "
                        + "then clock_timestamp() else r.updated_at end" + ONE
                        + " returning " + COLUMNS)
                .param("spot", spotId).param("type", type.code()).param("id", id).param("name", name)
                .param("restricted", restricted).param("settings", JSON.writeValueAsString(settings))
                .query(ResourceRepository::resource).single();
    }

    boolean delete(UUID spotId, ResourceType type, UUID id) {
        return jdbc.sql("delete from resource r" + ONE)
                .param("spot", spotId).param("type", type.code()).param("id", id).update() == 1;
    }

    private Optional<Resource> one(String sql, UUID spotId, ResourceType type, UUID id) {
        return jdbc.sql(sql).param("spot", spotId).param("type", type.code()).param("id", id)
                .query(ResourceRepository::resource).optional();
    }

    private static Resource resource(ResultSet rs, int row) throws SQLException {
        return new Resource(rs.getObject("id", UUID.class), ResourceType.fromCode(rs.getString("type")),
                rs.getString("name"), rs.getBoolean("restricted"), JSON.readTree(rs.getString("settings")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
