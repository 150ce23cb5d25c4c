package dev.cohort.spots;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SpotRepository {
    private final JdbcClient jdbc;

    SpotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record KeyOwner(UUID keyId, UUID spotId) {
    }

    record MemberSecret(UUID spotId, String secret) {
    }

    void lockBootstrap() {
        jdbc.sql("select pg_advisory_xact_lock(7420011)").query().singleRow();
    }

    long count() {
        return jdbc.sql("select count(*) from spot").query(Long.class).single();
    }

    Spot insert(String name, String memberTokenSecret) {
        UUID id = UUID.randomUUID();
        return jdbc.sql("insert into spot (id, name, member_token_secret) values (:id, :name, :secret) "
                        + "returning id, name, created_at")
                .param("id", id).param("name", name).param("secret", memberTokenSecret)
                .query(SpotRepository::spot).single();
    }

    void insertKey(UUID spotId, String key) {
        jdbc.sql("insert into api_key (id, spot_id, key_hash, key_prefix) values (:id, :spot, :hash, :prefix)")
                .param("id", UUID.randomUUID()).param("spot", spotId)
                .param("hash", Secrets.hash(key)).param("prefix", Secrets.prefix(key))
                .update();
    }

    int revokeKeys(UUID spotId) {
        return jdbc.sql("update api_key set revoked_at = now() where spot_id = :spot and revoked_at is null")
                .param("spot", spotId).update();
    }

    Optional<KeyOwner> findKey(String keyHash) {
        return jdbc.sql("select id, spot_id from api_key where key_hash = :hash and revoked_at is null")
                .param("hash", keyHash)
                .query((rs, n) -> new KeyOwner(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    Optional<Spot> find(UUID id) {
        return jdbc.sql("select id, name, created_at from spot where id = :id").param("id", id)
                .query(SpotRepository::spot).optional();
    }

    List<Spot> list(int limit, long offset) {
        return jdbc.sql("select id, name, created_at from spot order by created_at, id limit :limit offset :offset")
                .param("limit", limit).param("offset", offset).query(SpotRepository::spot).list();
    }

    Optional<String> memberTokenSecret(UUID spotId) {
        return jdbc.sql("select member_token_secret from spot where id = :id").param("id", spotId)
                .query(String.class).optional();
    }

    void setMemberTokenSecret(UUID spotId, String secret) {
        jdbc.sql("update spot set member_token_secret = :secret where id = :id")
                .param("secret", secret).param("id", spotId).update();
    }

    /** The Spot and secret behind a member id, for verifying that member's token. */
    Optional<MemberSecret> secretForMember(UUID memberId) {
        return jdbc.sql("select s.id, s.member_token_secret from member m join spot s on s.id = m.spot_id "
                        + "where m.id = :member")
                .param("member", memberId)
                .query((rs, n) -> new MemberSecret(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
    }

    private static Spot spot(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Spot(rs.getObject("id", UUID.class), rs.getString("name"),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }
}
