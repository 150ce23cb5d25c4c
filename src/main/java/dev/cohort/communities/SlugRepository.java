package dev.cohort.communities;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of join URL slugs ({@code community_slug}: every slug a group has had, unique per Spot). */
@Repository
class SlugRepository {
    private final JdbcClient jdbc;

    SlugRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Those of {@code candidates} the Spot has or had. */
    List<String> taken(UUID spotId, List<String> candidates) {
        return jdbc.sql("select slug from community_slug where spot_id = :spot and slug = any(:slugs)")
                .param("spot", spotId).param("slugs", candidates.toArray(String[]::new)).query(String.class).list();
    }

    /**
     * Records {@code slug} as the group's, unless the Spot has or had it (a concurrent claim of the same slug waits
     * for the first to commit); true when it is the group's now.
     */
    boolean claim(UUID spotId, String slug, UUID groupId) {
        return jdbc.sql("insert into community_slug (spot_id, slug, group_id) values (:spot, :slug, :group) "
                        + "on conflict do nothing")
                .param("spot", spotId).param("slug", slug).param("group", groupId).update() == 1;
    }

    /** Retires a slug: it answers 410 from now on and is never given to another group. */
    void retire(UUID spotId, String slug) {
        jdbc.sql("update community_slug set retired_at = now() where spot_id = :spot and slug = :slug")
                .param("spot", spotId).param("slug", slug).update();
    }

    /** A slug as it resolves: its group, and whether it was retired. */
    record Resolved(UUID groupId, boolean retired) {
    }

    Optional<Resolved> resolve(UUID spotId, String slug) {
        return jdbc.sql("select group_id, retired_at is not null from community_slug "
                        + "where spot_id = :spot and slug = :slug")
                .param("spot", spotId).param("slug", slug)
                .query((rs, n) -> new Resolved(rs.getObject(1, UUID.class), rs.getBoolean(2))).optional();
    }
}
