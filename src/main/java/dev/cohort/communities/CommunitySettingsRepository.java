package dev.cohort.communities;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of a Spot's community settings ({@code community_settings}; a Spot without a row has the defaults). */
@Repository
class CommunitySettingsRepository {
    private final JdbcClient jdbc;

    CommunitySettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CommunitySettings find(UUID spotId) {
        return jdbc.sql("select members_can_create_groups from community_settings where spot_id = :spot")
                .param("spot", spotId).query(Boolean.class).optional()
                .map(CommunitySettings::new).orElse(CommunitySettings.DEFAULT);
    }

    void save(UUID spotId, CommunitySettings settings) {
        jdbc.sql("insert into community_settings (spot_id, members_can_create_groups) values (:spot, :create) "
                        + "on conflict (spot_id) do update "
                        + "set members_can_create_groups = excluded.members_can_create_groups")
                .param("spot", spotId).param("create", settings.membersCanCreateGroups()).update();
    }
}
