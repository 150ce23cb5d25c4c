package dev.cohort.groups;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of memberships decided above groups: admissions written in one statement whatever their number (an
 * approval of 10,000 join requests), and the end dates that follow subscriptions.
 */
@Repository
class AdmissionRepository {
    private final JdbcClient jdbc;

    AdmissionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds the admitted members of the Spot who are not in the group yet, each with its source, code and end date,
     * with the count delta in the same statement; members already in the group are left as they are. Returns the
     * ids added.
     */
    List<UUID> admit(UUID spotId, UUID groupId, List<Admission> admissions) {
        return jdbc.sql("with added as (insert into group_membership (spot_id, group_id, member_id, source, "
                        + "join_code_id, valid_until) select :spot, :group, m.id, x.source, x.code, x.until "
                        + "from unnest(cast(:members as uuid[]), cast(:sources as text[]), cast(:codes as uuid[]), "
                        + "cast(:untils as timestamptz[])) as x(member, source, code, until) "
                        + "join member m on m.spot_id = :spot and m.id = x.member order by m.id "
                        + "on conflict do nothing returning member_id), "
                        + "counted as (insert into group_member_count (spot_id, group_id, delta) "
                        + "select :spot, :group, count(*) from added having count(*) > 0) "
                        + "select member_id from added")
                .param("spot", spotId).param("group", groupId)
                .param("members", admissions.stream().map(Admission::memberId).toArray(UUID[]::new))
                .param("sources", admissions.stream().map(Admission::source).toArray(String[]::new))
                .param("codes", admissions.stream().map(Admission::joinCodeId).toArray(UUID[]::new))
                .param("untils", admissions.stream().map(a -> text(a.validUntil())).toArray(String[]::new))
                .query(UUID.class).list();
    }

    /**
     * Gives the memberships of the listed members their new end dates, in one statement (a row whose date does not
     * change is not written); members not in the group are skipped. Returns the number of memberships changed.
     */
    int follow(UUID spotId, UUID groupId, UUID[] memberIds, Instant[] validUntil) {
        String[] untils = new String[validUntil.length];
        for (int i = 0; i < untils.length; i++) {
            untils[i] = text(validUntil[i]);
        }
        return jdbc.sql("update group_membership gm set valid_until = x.until "
                        + "from unnest(cast(:members as uuid[]), cast(:untils as timestamptz[])) as x(member, until) "
                        + "where gm.spot_id = :spot and gm.group_id = :group and gm.member_id = x.member "
                        + "and gm.valid_until is distinct from x.until")
                .param("spot", spotId).param("group", groupId).param("members", memberIds).param("untils", untils)
                .update();
    }

    /** An instant as the driver can send it in an array (ISO-8601, read back as timestamptz), null as null. */
    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
