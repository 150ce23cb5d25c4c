package dev.cohort.groups;

import static dev.cohort.support.Sessions.assertKeyViolation;
import static dev.cohort.support.Sessions.awaitLockWait;
import static dev.cohort.support.Sessions.backendPid;
import static dev.cohort.support.Sessions.execute;
import static dev.cohort.support.Sessions.failure;
import static dev.cohort.support.Sessions.transaction;
import static dev.cohort.support.Sessions.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The set-based key checks of V9 that replaced group_membership's foreign keys: a membership names a member and a
 * group of its Spot that exist, and a member or group named by a membership cannot be deleted, also when the two
 * changes race in concurrent transactions. The statements are plain SQL on the service's database, as a bug in the
 * service's own SQL (or a migration that loses a trigger) would leave them.
 */
class MembershipKeysApiTest extends ApiTest {
    private static final String MISSING_MEMBER = "a group membership names a member that does not exist";
    private static final String MISSING_GROUP = "a group membership names a group that does not exist";
    private static final String MEMBER_STILL_NAMED = "a deleted member is still named by a group membership";
    private static final String GROUP_STILL_NAMED = "a deleted group is still named by a group membership";

    @Autowired
    DataSource dataSource;

    @Test
    void a_membership_naming_a_missing_member_or_another_spots_member_is_refused_and_nothing_is_written()
            throws Exception {
        Api.SpotClient spot = newSpot();
        UUID group = UUID.fromString(spot.group("Keyed"));
        UUID elsewhere = UUID.fromString(newSpot().member("elsewhere@example.com"));

        assertKeyViolation(catchThrowable(() -> insertMembership(spot, group, UUID.randomUUID())), MISSING_MEMBER);
        assertKeyViolation(catchThrowable(() -> insertMembership(spot, group, elsewhere)), MISSING_MEMBER);
        assertThat(memberships("group_id", group)).isZero();
    }

    @Test
    void a_membership_naming_a_missing_group_or_another_spots_group_is_refused_and_nothing_is_written()
            throws Exception {
        Api.SpotClient spot = newSpot();
        UUID member = UUID.fromString(spot.member("ada@example.com"));
        UUID elsewhere = UUID.fromString(newSpot().group("Elsewhere"));

        assertKeyViolation(catchThrowable(() -> insertMembership(spot, UUID.randomUUID(), member)), MISSING_GROUP);
        assertKeyViolation(catchThrowable(() -> insertMembership(spot, elsewhere, member)), MISSING_GROUP);
        assertThat(memberships("member_id", member)).isZero();
    }

    @Test
    void a_membership_of_a_member_and_a_group_of_the_same_spot_is_written() throws Exception {
        Api.SpotClient spot = newSpot();
        UUID member = UUID.fromString(spot.member("ada@example.com"));
        UUID group = UUID.fromString(spot.group("Keyed"));

        assertThat(insertMembership(spot, group, member)).isEqualTo(1);
        assertThat(memberships("member_id", member)).isEqualTo(1);
    }

    @Test
    void one_statement_adding_memberships_in_two_spots_is_checked_in_each() throws Exception {
        // The checks take a shortcut for the usual statement, which names one Spot; this one names two.
        Api.SpotClient first = newSpot();
        Api.SpotClient second = newSpot();
        UUID ada = UUID.fromString(first.member("ada@example.com"));
        UUID founders = UUID.fromString(first.group("Founders"));
        UUID grace = UUID.fromString(second.member("grace@example.com"));
        UUID makers = UUID.fromString(second.group("Makers"));
        String twoRows = "insert into group_membership (spot_id, group_id, member_id) values (?, ?, ?), (?, ?, ?)";
        UUID firstId = UUID.fromString(first.spotId);
        UUID secondId = UUID.fromString(second.spotId);

        assertKeyViolation(catchThrowable(() -> update(dataSource, twoRows, firstId, founders, ada, secondId, makers,
                ada)), MISSING_MEMBER);
        assertKeyViolation(catchThrowable(() -> update(dataSource, twoRows, firstId, founders, ada, secondId,
                founders, grace)), MISSING_GROUP);
        assertThat(memberships("member_id", ada) + memberships("member_id", grace)).isZero();

        assertThat(update(dataSource, twoRows, firstId, founders, ada, secondId, makers, grace)).isEqualTo(2);
        assertThat(memberships("member_id", ada) + memberships("member_id", grace)).isEqualTo(2);
    }

    @Test
    void memberships_written_with_copy_are_checked_too() throws Exception {
        // Smart groups write large batches of memberships with COPY: the same check applies to them.
        Api.SpotClient spot = newSpot();
        UUID member = UUID.fromString(spot.member("ada@example.com"));
        UUID group = UUID.fromString(spot.group("Copied"));
        String rows = spot.spotId + "\t" + group + "\t" + member + "\n" + spot.spotId + "\t" + group + "\t"
                + UUID.randomUUID() + "\n";

        assertKeyViolation(catchThrowable(() -> copy(rows)), MISSING_MEMBER);
        assertThat(memberships("group_id", group)).isZero();
        assertThat(copy(spot.spotId + "\t" + group + "\t" + member + "\n")).isEqualTo(1);
        assertThat(memberships("group_id", group)).isEqualTo(1);
    }

    /** COPYs text rows (spot, group, member) into group_membership in its own transaction; the rows written. */
    private long copy(String rows) throws SQLException, java.io.IOException {
        try (Connection connection = dataSource.getConnection()) {
            return new org.postgresql.copy.CopyManager(connection.unwrap(org.postgresql.core.BaseConnection.class))
                    .copyIn("copy group_membership (spot_id, group_id, member_id) from stdin",
                            new java.io.StringReader(rows));
        }
    }

    @Test
    void a_statement_adding_several_memberships_of_which_one_is_bad_writes_none() throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID ada = UUID.fromString(spot.member("ada@example.com"));
        UUID grace = UUID.fromString(spot.member("grace@example.com"));
        UUID group = UUID.fromString(spot.group("Keyed"));
        String threeRows = "insert into group_membership (spot_id, group_id, member_id) values (?, ?, ?), (?, ?, ?), "
                + "(?, ?, ?)";

        // The bad row in the middle: a per-row check of only the first or the last row would miss it.
        assertKeyViolation(catchThrowable(() -> update(dataSource, threeRows, spotId, group, ada, spotId, group,
                UUID.randomUUID(), spotId, group, grace)), MISSING_MEMBER);
        assertKeyViolation(catchThrowable(() -> update(dataSource, threeRows, spotId, group, ada, spotId, UUID.randomUUID(),
                grace, spotId, group, grace)), MISSING_GROUP);
        assertThat(memberships("group_id", group)).isZero();
    }

    @Test
    void an_update_making_a_membership_name_a_missing_member_or_group_is_refused_and_changes_nothing()
            throws Exception {
        Api.SpotClient spot = newSpot();
        UUID member = UUID.fromString(spot.member("ada@example.com"));
        UUID group = UUID.fromString(spot.group("Keyed"));
        insertMembership(spot, group, member);

        assertKeyViolation(catchThrowable(() -> update(dataSource, "update group_membership set member_id = ? where group_id = ?",
                UUID.randomUUID(), group)), MISSING_MEMBER);
        assertKeyViolation(catchThrowable(() -> update(dataSource, "update group_membership set group_id = ? where member_id = ?",
                UUID.randomUUID(), member)), MISSING_GROUP);
        assertThat(jdbc.sql("select count(*) from group_membership where group_id = :g and member_id = :m")
                .param("g", group).param("m", member).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_member_still_in_a_group_cannot_be_deleted_until_its_memberships_are() throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID ada = UUID.fromString(spot.member("ada@example.com"));
        UUID grace = UUID.fromString(spot.member("grace@example.com"));
        UUID group = UUID.fromString(spot.group("Keyed"));
        insertMembership(spot, group, ada);

        assertKeyViolation(catchThrowable(() -> update(dataSource, "delete from member where spot_id = ? and id = ?", spotId,
                ada)), MEMBER_STILL_NAMED);
        // One statement deleting a member without memberships and one with: neither goes.
        assertKeyViolation(catchThrowable(() -> update(dataSource, "delete from member where spot_id = ? and id in (?, ?)",
                spotId, grace, ada)), MEMBER_STILL_NAMED);
        assertThat(jdbc.sql("select count(*) from member where id in (:a, :g)").param("a", ada).param("g", grace)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(memberships("member_id", ada)).isEqualTo(1);

        // The normal order (GroupService removes memberships before the member goes) passes the check; it also
        // shows that nothing but the membership held the member.
        update(dataSource, "delete from group_membership where spot_id = ? and member_id = ?", spotId, ada);
        assertThat(update(dataSource, "delete from member where spot_id = ? and id in (?, ?)", spotId, ada, grace))
                .isEqualTo(2);
    }

    @Test
    void a_group_that_still_has_members_cannot_be_deleted_until_its_memberships_are() throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID member = UUID.fromString(spot.member("ada@example.com"));
        UUID group = UUID.fromString(spot.group("Keyed"));
        insertMembership(spot, group, member);

        assertKeyViolation(catchThrowable(() -> update(dataSource, "delete from member_group where spot_id = ? and id = ?",
                spotId, group)), GROUP_STILL_NAMED);
        assertThat(jdbc.sql("select count(*) from member_group where id = :g").param("g", group)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(memberships("group_id", group)).isEqualTo(1);

        update(dataSource, "delete from group_membership where spot_id = ? and group_id = ?", spotId, group);
        assertThat(update(dataSource, "delete from member_group where spot_id = ? and id = ?", spotId, group)).isEqualTo(1);
    }

    @Test
    void deleting_a_member_while_a_membership_naming_it_is_being_added_waits_for_it_and_then_fails() throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID member = UUID.fromString(spot.member("raced@example.com"));
        UUID group = UUID.fromString(spot.group("Raced"));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        // The connection that will wait is declared first so that it is closed last, after the other one's
        // rollback (on a failure) has let its statement finish.
        try (Connection deleting = transaction(dataSource); Connection adding = transaction(dataSource)) {
            execute(adding, "insert into group_membership (spot_id, group_id, member_id) values (?, ?, ?)", spotId,
                    group, member);

            // The deletion does not see the uncommitted membership, so it removes none and gets to the member.
            assertThat(execute(deleting, "delete from group_membership where spot_id = ? and member_id = ?", spotId,
                    member)).isZero();
            // Deleting the member row itself does not wait (no foreign key locked it); its check waits for the
            // Spot's lock, held shared by the adding transaction.
            int deletingPid = backendPid(deleting);
            Future<Integer> deletion = thread.submit(() -> execute(deleting,
                    "delete from member where spot_id = ? and id = ?", spotId, member));
            awaitLockWait(jdbc, deletingPid, deletion);

            adding.commit();
            assertKeyViolation(failure(deletion), MEMBER_STILL_NAMED);
            deleting.rollback();
        } finally {
            thread.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from member where id = :m").param("m", member).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(memberships("member_id", member)).isEqualTo(1);
    }

    @Test
    void adding_a_membership_for_a_member_being_deleted_waits_for_the_deletion_and_then_fails() throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID member = UUID.fromString(spot.member("raced@example.com"));
        UUID group = UUID.fromString(spot.group("Raced"));
        ExecutorService thread = Executors.newSingleThreadExecutor();
        // As above, the connection that will wait is declared first, to be closed last.
        try (Connection adding = transaction(dataSource); Connection deleting = transaction(dataSource)) {
            assertThat(execute(deleting, "delete from member where spot_id = ? and id = ?", spotId, member))
                    .isEqualTo(1);

            // The insert writes its row (no foreign key waits for the member's row any more); its key check then
            // waits for the Spot's lock, held exclusively by the deletion.
            int addingPid = backendPid(adding);
            Future<Integer> addition = thread.submit(() -> execute(adding,
                    "insert into group_membership (spot_id, group_id, member_id) values (?, ?, ?)", spotId, group,
                    member));
            awaitLockWait(jdbc, addingPid, addition);

            deleting.commit();
            assertKeyViolation(failure(addition), MISSING_MEMBER);
            adding.rollback();
        } finally {
            thread.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from member where id = :m").param("m", member).query(Long.class)
                .single()).isZero();
        assertThat(memberships("member_id", member)).isZero();
    }

    @Test
    void transactions_adding_memberships_in_one_spot_do_not_wait_for_each_other() throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID ada = UUID.fromString(spot.member("ada@example.com"));
        UUID grace = UUID.fromString(spot.member("grace@example.com"));
        UUID group = UUID.fromString(spot.group("Shared"));
        try (Connection first = transaction(dataSource); Connection second = transaction(dataSource)) {
            execute(first, "insert into group_membership (spot_id, group_id, member_id) values (?, ?, ?)", spotId,
                    group, ada);
            // The Spot's lock is shared between adders: were it exclusive, this would time out (55P03).
            execute(second, "set local lock_timeout = '2s'");
            assertThat(execute(second, "insert into group_membership (spot_id, group_id, member_id) "
                    + "values (?, ?, ?)", spotId, group, grace)).isEqualTo(1);
            second.commit();
            first.commit();
        }
        assertThat(memberships("group_id", group)).isEqualTo(2);
    }

    @Test
    void deleting_a_member_that_is_in_groups_through_the_api_removes_it_from_them_first() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        String grace = spot.member("grace@example.com");
        String founders = spot.group("Founders");
        String makers = spot.group("Makers");
        spot.post("/v1/groups/" + founders + "/spotMembers~bulkAdd", Map.of("spotMemberIds", List.of(ada, grace)))
                .expect(200);
        spot.post("/v1/groups/" + makers + "/spotMembers", Map.of("spotMemberId", ada)).expect(204);

        spot.delete("/v1/spotMembers/" + ada).expect(204);

        spot.get("/v1/spotMembers/" + ada).expect(404);
        assertThat(spot.get("/v1/groups/" + founders).expect(200).body().path("membersCount").asLong()).isEqualTo(1);
        assertThat(spot.get("/v1/groups/" + makers).expect(200).body().path("membersCount").asLong()).isZero();
        assertThat(memberships("member_id", UUID.fromString(ada))).isZero();
        assertThat(memberships("member_id", UUID.fromString(grace))).isEqualTo(1);
    }

    private long memberships(String column, UUID id) {
        return jdbc.sql("select count(*) from group_membership where " + column + " = :id").param("id", id)
                .query(Long.class).single();
    }

    private int insertMembership(Api.SpotClient spot, UUID group, UUID member) throws SQLException {
        return update(dataSource, "insert into group_membership (spot_id, group_id, member_id) values (?, ?, ?)",
                UUID.fromString(spot.spotId), group, member);
    }

}
