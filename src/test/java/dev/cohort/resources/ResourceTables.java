package dev.cohort.resources;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the resource table directly, to check what an API call stored (or did not). */
final class ResourceTables {
    private ResourceTables() {
    }

    static boolean restricted(JdbcClient jdbc, String id) {
        return jdbc.sql("select restricted from resource where id = :id").param("id", UUID.fromString(id))
                .query(Boolean.class).single();
    }

    static long count(JdbcClient jdbc, String spotId, String type) {
        return jdbc.sql("select count(*) from resource where spot_id = :spot and type = :type")
                .param("spot", UUID.fromString(spotId)).param("type", type).query(Long.class).single();
    }
}
