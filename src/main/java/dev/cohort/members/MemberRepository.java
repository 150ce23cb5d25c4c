package dev.cohort.members;

import dev.cohort.web.Ids;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {
    /** Dates a new member gets from its initial status. */
    static final String INSERT_VALUES = "case when :status in ('Invited') then now() end, "
            + "case when :status in ('Accepted', 'Pending', 'Deactivated', 'Left', 'Rejected') then now() end";

    /** embed_base_urls as a SpotMember shows it: {@code default} always present. */
    private static final String EMBED_READ = "jsonb_build_object('default', '') || coalesce(%s, '{}'::jsonb)";

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID insert(UUID spotId, NewMember member) {
        UUID id = Ids.timeOrdered();
        jdbc.sql("insert into member (spot_id, id, email, firstname, lastname, title, lang, role, custom_role_id, "
                        + "status, avatar_url, registration_source, invitation_date, registration_date) values "
                        + "(:spot, :id, :email, :firstname, :lastname, :title, :lang, :role, :customRole, :status, "
                        + ":avatar, cast(:source as jsonb), " + INSERT_VALUES + ")")
                .param("spot", spotId).param("id", id).param("email", member.email())
                .param("firstname", member.firstname() == null ? "" : member.firstname())
                .param("lastname", member.lastname() == null ? "" : member.lastname())
                .param("title", member.title())
                .param("lang", member.lang() == null ? "en" : member.lang())
                .param("role", member.role() == null ? "Member" : member.role())
                .param("customRole", member.customRoleId())
                .param("status", member.status() == null ? MemberStatus.INVITED : member.status())
                .param("avatar", member.avatarUrl())
                .param("source", MemberRows.toJson(member.registrationSource()))
                .update();
        return id;
    }

    /** Inserts a member per email that is not taken yet; returns the ids created, by lower-cased email. */
    Map<String, UUID> insertInvited(UUID spotId, List<String> emails) {
        Map<String, UUID> created = new LinkedHashMap<>();
        jdbc.sql("insert into member (spot_id, id, email, status, invitation_date) "
                        + "select :spot, uuid_v7(), e.email, 'Invited', now() "
                        + "from unnest(cast(:emails as text[])) with ordinality as e(email, n) order by e.n "
                        + "on conflict (spot_id, lower(email)) do nothing returning id, email")
                .param("spot", spotId).param("emails", emails.toArray(String[]::new))
                .query((rs, n) -> created.put(rs.getString("email").toLowerCase(java.util.Locale.ROOT),
                        rs.getObject("id", UUID.class)))
                .list();
        return created;
    }

    Optional<SpotMember> find(UUID spotId, UUID id) {
        return jdbc.sql("select " + MemberRows.COLUMNS + " from member m where m.spot_id = :spot and m.id = :id")
                .param("spot", spotId).param("id", id).query(MemberRows.MAPPER).optional();
    }

    List<SpotMember> findAll(UUID spotId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + MemberRows.COLUMNS + " from member m where m.spot_id = :spot and m.id in (:ids) "
                        + "order by " + MemberRows.ALPHABETICAL)
                .param("spot", spotId).param("ids", ids).query(MemberRows.MAPPER).list();
    }

    ListPage<SpotMember> page(UUID spotId, String where, Map<String, Object> params, Paging paging) {
        List<SpotMember> items = jdbc.sql("select " + MemberRows.COLUMNS + " from member m where m.spot_id = :spot"
                        + where + " order by " + MemberRows.ALPHABETICAL + " limit :limit offset :offset")
                .params(params).param("spot", spotId).param("limit", paging.limit()).param("offset", paging.offset())
                .query(MemberRows.MAPPER).list();
        // A short page that is not past the end tells the total without counting.
        boolean lastPage = items.size() < paging.limit() && (!items.isEmpty() || paging.offset() == 0);
        long total = lastPage
                ? paging.offset() + items.size()
                : jdbc.sql("select count(*) from member m where m.spot_id = :spot" + where)
                        .params(params).param("spot", spotId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    /**
     * Applies the given column values; {@code status} moves the registration date when a member is accepted.
     * {@code updated_at} moves only when a value changes as the member reads, so that a body that changes nothing
     * changes nothing.
     */
    boolean update(UUID spotId, UUID id, Map<String, Object> columns) {
        if (columns.isEmpty()) {
            return jdbc.sql("select 1 from member where spot_id = :spot and id = :id")
                    .param("spot", spotId).param("id", id).query(Integer.class).optional().isPresent();
        }
        List<String> sets = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        for (String column : columns.keySet()) {
            String value = "cast(:" + column + " as " + switch (column) {
                case "embed_base_urls" -> "jsonb";
                case "custom_role_id" -> "uuid";
                default -> "text";
            } + ")";
            sets.add(column + " = " + value);
            changes.add(column.equals("embed_base_urls")
                    // A member without URLs reads as {"default": ""}: sending that back is no change.
                    ? "(" + EMBED_READ.formatted(column) + ") is distinct from (" + EMBED_READ.formatted(value) + ")"
                    : column + " is distinct from " + value);
        }
        if (columns.containsKey("status")) {
            sets.add("registration_date = case when :status in ('Accepted', 'Pending') "
                    + "then coalesce(registration_date, now()) else registration_date end");
        }
        sets.add("updated_at = case when " + String.join(" or ", changes) + " then now() else updated_at end");
        return jdbc.sql("update member set " + String.join(", ", sets) + " where spot_id = :spot and id = :id")
                .params(columns).param("spot", spotId).param("id", id).update() == 1;
    }

    /** Accepts into the Spot those of {@code ids} who are Pending, in one statement; returns who was accepted. */
    List<UUID> acceptPending(UUID spotId, Collection<UUID> ids) {
        return jdbc.sql("update member m set status = 'Accepted', registration_date = coalesce(m.registration_date, "
                        + "now()), updated_at = now() where m.spot_id = :spot and m.id = any(:ids) "
                        + "and m.status = 'Pending' returning m.id")
                .param("spot", spotId).param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list();
    }

    /**
     * Locks the member's row for its deletion (a community group created for them at the same moment waits, then
     * finds them gone); false when the Spot has no such member.
     */
    boolean lock(UUID spotId, UUID id) {
        return jdbc.sql("select 1 from member where spot_id = :spot and id = :id for update")
                .param("spot", spotId).param("id", id).query(Integer.class).optional().isPresent();
    }

    int delete(UUID spotId, UUID id) {
        return jdbc.sql("delete from member where spot_id = :spot and id = :id")
                .param("spot", spotId).param("id", id).update();
    }

    /** The subset of {@code ids} that are members of the Spot. */
    Set<UUID> existing(UUID spotId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select id from member where spot_id = :spot and id = any(:ids)")
                .param("spot", spotId).param("ids", ids.toArray(UUID[]::new)).query(UUID.class).list());
    }

    Optional<UUID> idForEmail(UUID spotId, String email) {
        return jdbc.sql("select id from member where spot_id = :spot and lower(email) = lower(:email)")
                .param("spot", spotId).param("email", email).query(UUID.class).optional();
    }

    boolean customRoleExists(UUID spotId, UUID roleId) {
        return jdbc.sql("select 1 from custom_role where spot_id = :spot and id = :id")
                .param("spot", spotId).param("id", roleId).query(Integer.class).optional().isPresent();
    }
}
