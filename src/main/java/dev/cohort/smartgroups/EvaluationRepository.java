package dev.cohort.smartgroups;

import dev.cohort.members.MemberRows;
import dev.cohort.members.SpotMember;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Set-based evaluation of a rule over a whole Spot into the transaction's table {@code smart_wanted}, and what
 * previews read from it.
 */
@Repository
class EvaluationRepository {
    /** The transaction's table of the members an evaluation wants, with their {@code id}s. */
    static final String WANTED = "smart_wanted";

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The members the rule wants in the group, exceptions applied: a query selecting {@code id}. Without
     * exceptions the rule's conditions stay at the top level, where PostgreSQL plans them as semi-joins.
     */
    private String wanted(RuleSql.Predicate predicate, UUID spotId, UUID groupId) {
        boolean exceptions = groupId != null && hasExceptions(spotId, groupId);
        if (predicate.driver() != null && !exceptions) {
            // Only the members holding the driver's tag or value are read, from its index: the evaluation costs what
            // the Spot's matching rows cost, whatever the size of the member table and of the other Spots.
            return "select m.id from (" + predicate.driver() + ") m where " + predicate.rest();
        }
        String members = "select m.id from member m where m.spot_id = :spot";
        if (!exceptions) {
            return members + " and " + predicate.sql();
        }
        return members + " and ((" + predicate.sql() + " and not m.id in (select x.member_id "
                + "from smart_group_exception x where x.spot_id = :spot and x.group_id = :group and x.type = 'exclude')) "
                + "or m.id in (select x.member_id from smart_group_exception x "
                + "where x.spot_id = :spot and x.group_id = :group and x.type = 'include'))";
    }

    private boolean hasExceptions(UUID spotId, UUID groupId) {
        return jdbc.sql("select exists (select 1 from smart_group_exception where spot_id = :spot and group_id = :group)")
                .param("spot", spotId).param("group", groupId).query(Boolean.class).single();
    }

    /**
     * Evaluates a rule over the whole Spot into the transaction's table {@code smart_wanted} (with the exceptions of
     * {@code groupId}, when given); returns how many members it holds. A statement that only reads may run in
     * parallel, one that also writes may not: the evaluation is kept apart from the writes that follow it.
     */
    long want(UUID spotId, UUID groupId, RuleSql.Predicate predicate) {
        jdbc.sql("drop table if exists smart_wanted").update();
        int wanted = jdbc.sql("create temporary table smart_wanted on commit drop as "
                        + wanted(predicate, spotId, groupId))
                .params(predicate.params()).param("spot", spotId).param("group", groupId).update();
        // Statistics, so that the statements comparing it with the stored membership hash it rather than scan it
        // once per member (autovacuum never analyzes temporary tables).
        jdbc.sql("analyze smart_wanted").update();
        return wanted;
    }

    /** The first members of {@link #want}'s, alphabetically. */
    List<SpotMember> wantedPage(UUID spotId, int limit) {
        return jdbc.sql("select " + MemberRows.COLUMNS + " from member m where m.spot_id = :spot "
                        + "and m.id in (select id from smart_wanted) order by " + MemberRows.ALPHABETICAL
                        + " limit :limit")
                .param("spot", spotId).param("limit", limit).query(MemberRows.MAPPER).list();
    }

    /** A first page of members and how many there are in all. */
    record Page(long count, List<SpotMember> items) {
    }

    /** Members {@link #want}'s would bring into the group ({@code entering}) or take out of it. */
    Page change(UUID spotId, UUID groupId, boolean entering, int limit) {
        String members = entering
                ? "select w.id from smart_wanted w where not exists (select 1 from group_membership gm "
                        + "where gm.spot_id = :spot and gm.group_id = :group and gm.member_id = w.id)"
                : "select gm.member_id from group_membership gm where gm.spot_id = :spot and gm.group_id = :group "
                        + "and not exists (select 1 from smart_wanted w where w.id = gm.member_id)";
        long count = jdbc.sql("select count(*) from (" + members + ") c")
                .param("spot", spotId).param("group", groupId).query(Long.class).single();
        // The changed members first, then their rows: a plan walking the members alphabetically and looking for
        // each one in the change would compare the whole membership with the evaluation per member.
        List<SpotMember> items = count == 0 ? List.of() : jdbc.sql("with changed as materialized (" + members
                        + ") select " + MemberRows.COLUMNS + " from member m where m.spot_id = :spot "
                        + "and m.id in (select * from changed) order by " + MemberRows.ALPHABETICAL + " limit :limit")
                .param("spot", spotId).param("group", groupId).param("limit", limit)
                .query(MemberRows.MAPPER).list();
        return new Page(count, items);
    }
}
