package dev.cohort.members;

import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository {
    private static final String COLUMNS = "t.id, t.name, t.emoji, t.sort_order";
    /**
     * The members whose tags a statement changed get a new {@code updatedAt}, since tagIds is one of their fields.
     * Their rows are locked in id order first: two assignments touching the same members at once otherwise update
     * them in plan order, which can differ between the two, and deadlock.
     */
    private static final String TOUCH = "update member set updated_at = now() "
            + "where spot_id = :spot and id in (select m.id from member m where m.spot_id = :spot "
            + "and m.id in (select member_id from changed) order by m.id for no key update)";

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the Spot's tag positions until the transaction ends, so that concurrent creations take distinct
     * positions. The lock does not block inserts elsewhere that reference the Spot.
     */
    void lockPositions(UUID spotId) {
        jdbc.sql("select 1 from spot where id = :spot for no key update").param("spot", spotId)
                .query(Integer.class).list();
    }

    /** Inserts a tag at the next position. */
    Tag insert(UUID spotId, String name, String emoji) {
        return jdbc.sql("insert into tag (spot_id, id, name, emoji, sort_order) "
                        + "select :spot, :id, :name, :emoji, coalesce(max(sort_order), 0) + 1 from tag where spot_id = :spot "
                        + "returning id, name, emoji, sort_order")
                .param("spot", spotId).param("id", UUID.randomUUID()).param("name", name).param("emoji", emoji)
                .query(TagRepository::tag).single();
    }

    /**
     * Inserts, in one statement and at the next positions in the given order, the tags whose name is not taken yet
     * (names must be distinct case-insensitively); returns those created, by position.
     */
    List<Tag> insertAll(UUID spotId, List<String> names, List<String> emojis) {
        List<Tag> created = jdbc.sql("with input as (select e.name, e.emoji, e.n "
                        + "from unnest(cast(:names as text[]), cast(:emojis as text[])) with ordinality as e(name, emoji, n) "
                        + "where not exists (select 1 from tag t where t.spot_id = :spot and lower(t.name) = lower(e.name))), "
                        + "top as (select coalesce(max(sort_order), 0) as position from tag where spot_id = :spot) "
                        + "insert into tag (spot_id, id, name, emoji, sort_order) "
                        + "select :spot, gen_random_uuid(), i.name, i.emoji, top.position + row_number() over (order by i.n) "
                        + "from input i cross join top order by i.n "
                        + "on conflict (spot_id, lower(name)) do nothing returning id, name, emoji, sort_order")
                .param("spot", spotId).param("names", names.toArray(String[]::new))
                .param("emojis", emojis.toArray(String[]::new))
                .query(TagRepository::tag).list();
        return created.stream().sorted(Comparator.comparingInt(Tag::order)).toList();
    }

    Optional<Tag> find(UUID spotId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tag t where t.spot_id = :spot and t.id = :id")
                .param("spot", spotId).param("id", id).query(TagRepository::tag).optional();
    }

    ListPage<Tag> page(UUID spotId, String where, Map<String, Object> params, Paging paging) {
        List<Tag> items = jdbc.sql("select " + COLUMNS + " from tag t where t.spot_id = :spot" + where
                        + " order by t.sort_order, t.id limit :limit offset :offset")
                .params(params).param("spot", spotId).param("limit", paging.limit()).param("offset", paging.offset())
                .query(TagRepository::tag).list();
        long total = jdbc.sql("select count(*) from tag t where t.spot_id = :spot" + where)
                .params(params).param("spot", spotId).query(Long.class).single();
        return new ListPage<>(items, total);
    }

    /** Sets the given columns ({@code name}, {@code emoji}); false when there is no such tag. */
    boolean update(UUID spotId, UUID id, Map<String, Object> columns) {
        if (columns.isEmpty()) {
            return find(spotId, id).isPresent();
        }
        StringBuilder sets = new StringBuilder();
        columns.keySet().forEach(c -> sets.append(sets.isEmpty() ? "" : ", ").append(c).append(" = :").append(c));
        return jdbc.sql("update tag set " + sets + " where spot_id = :spot and id = :id")
                .params(columns).param("spot", spotId).param("id", id).update() == 1;
    }

    /** Deletes the tag; its assignments go with it by cascade, and the members who had it are touched. */
    boolean delete(UUID spotId, UUID id) {
        jdbc.sql("with changed as (select member_id from member_tag where spot_id = :spot and tag_id = :id) " + TOUCH)
                .param("spot", spotId).param("id", id).update();
        return jdbc.sql("delete from tag where spot_id = :spot and id = :id")
                .param("spot", spotId).param("id", id).update() == 1;
    }

    /** Locks the tag row (shared) against deletion while it is assigned; false when there is no such tag. */
    boolean lockShared(UUID spotId, UUID id) {
        return jdbc.sql("select 1 from tag where spot_id = :spot and id = :id for share")
                .param("spot", spotId).param("id", id).query(Integer.class).optional().isPresent();
    }

    /** Tags the Spot's members among {@code memberIds} in one statement; returns how many did not have it. */
    int assign(UUID spotId, UUID tagId, UUID[] memberIds) {
        return jdbc.sql("with changed as (insert into member_tag (spot_id, tag_id, member_id) "
                        + "select :spot, :tag, m.id from member m where m.spot_id = :spot and m.id = any(:ids) "
                        + "order by m.id on conflict do nothing returning member_id) " + TOUCH)
                .param("spot", spotId).param("tag", tagId).param("ids", memberIds).update();
    }

    /** Untags members in one statement; returns how many had the tag. */
    int unassign(UUID spotId, UUID tagId, UUID[] memberIds) {
        return jdbc.sql("with changed as (delete from member_tag where spot_id = :spot and tag_id = :tag "
                        + "and member_id = any(:ids) returning member_id) " + TOUCH)
                .param("spot", spotId).param("tag", tagId).param("ids", memberIds).update();
    }

    ListPage<SpotMember> members(UUID spotId, UUID tagId, String where, Map<String, Object> params, Paging paging) {
        String from = " from member_tag mt join member m on m.spot_id = mt.spot_id and m.id = mt.member_id "
                + "where mt.spot_id = :spot and mt.tag_id = :tag" + where;
        List<SpotMember> items = jdbc.sql("select " + MemberRows.COLUMNS + from + " order by "
                        + MemberRows.ALPHABETICAL + " limit :limit offset :offset")
                .params(params).param("spot", spotId).param("tag", tagId)
                .param("limit", paging.limit()).param("offset", paging.offset())
                .query(MemberRows.MAPPER).list();
        long total = jdbc.sql("select count(*)" + from).params(params).param("spot", spotId).param("tag", tagId)
                .query(Long.class).single();
        return new ListPage<>(items, total);
    }

    private static Tag tag(ResultSet rs, int row) throws SQLException {
        return new Tag(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("emoji"),
                rs.getInt("sort_order"));
    }
}
