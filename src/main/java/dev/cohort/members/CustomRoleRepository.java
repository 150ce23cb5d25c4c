package dev.cohort.members;

import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomRoleRepository {
    private static final String COLUMNS = "r.id, r.label, r.description, r.permissions";

    private final JdbcClient jdbc;

    CustomRoleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID spotId, String label, String description, List<String> permissions) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into custom_role (spot_id, id, label, description, permissions) "
                        + "values (:spot, :id, :label, :description, cast(:permissions as text[]))")
                .param("spot", spotId).param("id", id).param("label", label).param("description", description)
                .param("permissions", permissions.toArray(String[]::new)).update();
        return id;
    }

    Optional<CustomRole> find(UUID spotId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from custom_role r where r.spot_id = :spot and r.id = :id")
                .param("spot", spotId).param("id", id).query(CustomRoleRepository::role).optional();
    }

    ListPage<CustomRole> page(UUID spotId, String where, Map<String, Object> params, Paging paging) {
        List<CustomRole> items = jdbc.sql("select " + COLUMNS + " from custom_role r where r.spot_id = :spot" + where
                        + " order by r.label collate \"und-x-icu\", r.id limit :limit offset :offset")
                .params(params).param("spot", spotId).param("limit", paging.limit()).param("offset", paging.offset())
                .query(CustomRoleRepository::role).list();
        long total = jdbc.sql("select count(*) from custom_role r where r.spot_id = :spot" + where)
                .params(params).param("spot", spotId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    /** Sets the given columns ({@code label}, {@code description}, {@code permissions}); false when there is no such role. */
    boolean update(UUID spotId, UUID id, Map<String, Object> columns) {
        List<String> sets = new ArrayList<>();
        for (String column : columns.keySet()) {
            sets.add(column.equals("permissions") ? "permissions = cast(:permissions as text[])"
                    : column + " = :" + column);
        }
        if (sets.isEmpty()) {
            return find(spotId, id).isPresent();
        }
        return jdbc.sql("update custom_role set " + String.join(", ", sets) + " where spot_id = :spot and id = :id")
                .params(columns).param("spot", spotId).param("id", id).update() == 1;
    }

    /** Locks the role row until the transaction ends, so no member can take it while it is deleted. */
    boolean lockForUpdate(UUID spotId, UUID id) {
        return jdbc.sql("select 1 from custom_role where spot_id = :spot and id = :id for update")
                .param("spot", spotId).param("id", id).query(Integer.class).optional().isPresent();
    }

    /** Takes the role away from every member holding it, in one statement; returns how many held it. */
    int clearFromMembers(UUID spotId, UUID id) {
        return jdbc.sql("update member set custom_role_id = null, updated_at = now() "
                        + "where spot_id = :spot and custom_role_id = :id")
                .param("spot", spotId).param("id", id).update();
    }

    boolean delete(UUID spotId, UUID id) {
        return jdbc.sql("delete from custom_role where spot_id = :spot and id = :id")
                .param("spot", spotId).param("id", id).update() == 1;
    }

    private static CustomRole role(ResultSet rs, int row) throws SQLException {
        Array permissions = rs.getArray("permissions");
        return new CustomRole(rs.getObject("id", UUID.class), rs.getString("label"), rs.getString("description"),
                permissions == null ? List.of() : Arrays.asList((String[]) permissions.getArray()));
    }
}
