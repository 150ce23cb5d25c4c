package dev.cohort.members;

import static dev.cohort.support.Sessions.assertKeyViolation;
import static dev.cohort.support.Sessions.awaitLockWait;
import static dev.cohort.support.Sessions.backendPid;
import static dev.cohort.support.Sessions.execute;
import static dev.cohort.support.Sessions.failure;
import static dev.cohort.support.Sessions.transaction;
import static dev.cohort.support.Sessions.update;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cohort.support.Api;
import dev.cohort.support.ApiTest;
import java.sql.Connection;
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
 * The set-based key checks of V11 that replaced the foreign keys of member_tag and member_property_value: a tag
 * assignment or a value names a member, a tag, a property of its Spot that exist; deleting a member, a tag or a
 * property deletes the rows naming it, also when the deletion races an addition. Plain SQL on the service's
 * database, as a bug in the service's own SQL (or a migration losing a trigger) would leave them.
 */
class MemberFactKeysApiTest extends ApiTest {
    private static final String TAG_MISSING_MEMBER = "a row of member_tag names a member that does not exist";
    private static final String MISSING_TAG = "a row of member_tag names a tag that does not exist";
    private static final String VALUE_MISSING_MEMBER =
            "a row of member_property_value names a member that does not exist";
    private static final String MISSING_PROPERTY =
            "a row of member_property_value names a custom property that does not exist";
    private static final String ASSIGN = "insert into member_tag (spot_id, tag_id, member_id) values (?, ?, ?)";
    private static final String SET_VALUE =
            "insert into member_property_value (spot_id, member_id, property_id, value) values (?, ?, ?, '\"x\"')";

    @Autowired
    DataSource dataSource;

    @Test
    void a_tag_assignment_naming_a_missing_or_foreign_member_or_tag_is_refused_and_nothing_is_written()
            throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID member = UUID.fromString(spot.member("ada@example.com"));
        UUID tag = tag(spot, "VIP");
        Api.SpotClient other = newSpot();
        UUID foreignMember = UUID.fromString(other.member("elsewhere@example.com"));
        UUID foreignTag = tag(other, "Elsewhere");

        assertKeyViolation(catchThrowable(() -> update(dataSource, ASSIGN, spotId, tag, UUID.randomUUID())), TAG_MISSING_MEMBER);
        assertKeyViolation(catchThrowable(() -> update(dataSource, ASSIGN, spotId, tag, foreignMember)), TAG_MISSING_MEMBER);
        assertKeyViolation(catchThrowable(() -> update(dataSource, ASSIGN, spotId, UUID.randomUUID(), member)), MISSING_TAG);
        assertKeyViolation(catchThrowable(() -> update(dataSource, ASSIGN, spotId, foreignTag, member)), MISSING_TAG);
        // Three rows in one statement, the bad one in the middle: none is written.
        UUID grace = UUID.fromString(spot.member("grace@example.com"));
        assertKeyViolation(catchThrowable(() -> update(dataSource, "insert into member_tag (spot_id, tag_id, member_id) "
                + "values (?, ?, ?), (?, ?, ?), (?, ?, ?)", spotId, tag, member, spotId, tag, UUID.randomUUID(),
                spotId, tag, grace)), TAG_MISSING_MEMBER);
        assertThat(count("member_tag", "tag_id", tag)).isZero();

        assertThat(update(dataSource, ASSIGN, spotId, tag, member)).isEqualTo(1);
        assertKeyViolation(catchThrowable(() -> update(dataSource, "update member_tag set member_id = ? where tag_id = ?",
                UUID.randomUUID(), tag)), TAG_MISSING_MEMBER);
        assertKeyViolation(catchThrowable(() -> update(dataSource, "update member_tag set tag_id = ? where tag_id = ?",
                foreignTag, tag)), MISSING_TAG);
        assertThat(count("member_tag", "tag_id", tag)).isEqualTo(1);
    }

    @Test
    void a_value_naming_a_missing_or_foreign_member_or_property_is_refused_and_nothing_is_written()
            throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID member = UUID.fromString(spot.member("ada@example.com"));
        UUID property = property(spot, "Company");
        Api.SpotClient other = newSpot();
        UUID foreignMember = UUID.fromString(other.member("elsewhere@example.com"));
        UUID foreignProperty = property(other, "Company");

        assertKeyViolation(catchThrowable(() -> update(dataSource, SET_VALUE, spotId, UUID.randomUUID(), property)),
                VALUE_MISSING_MEMBER);
        assertKeyViolation(catchThrowable(() -> update(dataSource, SET_VALUE, spotId, foreignMember, property)),
                VALUE_MISSING_MEMBER);
        assertKeyViolation(catchThrowable(() -> update(dataSource, SET_VALUE, spotId, member, UUID.randomUUID())),
                MISSING_PROPERTY);
        assertKeyViolation(catchThrowable(() -> update(dataSource, SET_VALUE, spotId, member, foreignProperty)),
                MISSING_PROPERTY);
        assertThat(count("member_property_value", "property_id", property)).isZero();

        assertThat(update(dataSource, SET_VALUE, spotId, member, property)).isEqualTo(1);
        assertKeyViolation(catchThrowable(() -> update(dataSource, "update member_property_value set property_id = ? "
                + "where member_id = ?", foreignProperty, member)), MISSING_PROPERTY);
        assertThat(count("member_property_value", "property_id", property)).isEqualTo(1);
    }

    @Test
    void deleting_members_tags_and_properties_deletes_the_rows_naming_them_and_only_those() throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID ada = UUID.fromString(spot.member("ada@example.com"));
        UUID grace = UUID.fromString(spot.member("grace@example.com"));
        UUID vip = tag(spot, "VIP");
        UUID beta = tag(spot, "Beta");
        UUID company = property(spot, "Company");
        UUID city = property(spot, "City");
        for (UUID member : List.of(ada, grace)) {
            for (UUID tag : List.of(vip, beta)) {
                update(dataSource, ASSIGN, spotId, tag, member);
            }
            for (UUID property : List.of(company, city)) {
                update(dataSource, SET_VALUE, spotId, member, property);
            }
        }

        update(dataSource, "delete from member where spot_id = ? and id = ?", spotId, ada);
        assertThat(count("member_tag", "member_id", ada)).isZero();
        assertThat(count("member_property_value", "member_id", ada)).isZero();
        assertThat(count("member_tag", "member_id", grace)).isEqualTo(2);
        assertThat(count("member_property_value", "member_id", grace)).isEqualTo(2);

        update(dataSource, "delete from tag where spot_id = ? and id = ?", spotId, vip);
        assertThat(count("member_tag", "tag_id", vip)).isZero();
        assertThat(count("member_tag", "tag_id", beta)).isEqualTo(1);

        update(dataSource, "delete from custom_property where spot_id = ? and id = ?", spotId, company);
        assertThat(count("member_property_value", "property_id", company)).isZero();
        assertThat(count("member_property_value", "property_id", city)).isEqualTo(1);
    }

    @Test
    void deleting_members_through_the_api_takes_their_tags_and_values_with_them() {
        Api.SpotClient spot = newSpot();
        String ada = spot.member("ada@example.com");
        UUID vip = tag(spot, "VIP");
        property(spot, "Company");
        spot.post("/v1/tags/" + vip + "/spotMembers~bulkAssign", Map.of("spotMemberIds", List.of(ada))).expect(204);
        spot.put("/v1/spotMembers/" + ada + "/customPropertiesValues/company", Map.of("value", "ACME")).expect(200);

        spot.delete("/v1/spotMembers/" + ada).expect(204);

        assertThat(count("member_tag", "member_id", UUID.fromString(ada))).isZero();
        assertThat(count("member_property_value", "member_id", UUID.fromString(ada))).isZero();
    }

    @Test
    void deleting_a_tag_while_it_is_being_assigned_waits_and_then_deletes_the_assignment_too() throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID member = UUID.fromString(spot.member("raced@example.com"));
        UUID tag = tag(spot, "Raced");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        // The connection that will wait is declared first, so that it is closed last.
        try (Connection deleting = transaction(dataSource); Connection assigning = transaction(dataSource)) {
            execute(assigning, ASSIGN, spotId, tag, member);

            int deletingPid = backendPid(deleting);
            Future<Integer> deletion = thread.submit(() -> execute(deleting,
                    "delete from tag where spot_id = ? and id = ?", spotId, tag));
            awaitLockWait(jdbc, deletingPid, deletion);

            assigning.commit();
            assertThat(deletion.get(30, SECONDS)).isEqualTo(1);
            deleting.commit();
        } finally {
            thread.shutdownNow();
        }
        // A foreign key's cascade would have left no orphan either.
        assertThat(count("member_tag", "tag_id", tag)).isZero();
    }

    @Test
    void assigning_a_tag_to_a_member_being_deleted_waits_for_the_deletion_and_then_fails() throws Exception {
        Api.SpotClient spot = newSpot();
        UUID spotId = UUID.fromString(spot.spotId);
        UUID member = UUID.fromString(spot.member("raced@example.com"));
        UUID tag = tag(spot, "Raced");
        UUID property = property(spot, "Company");
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection adding = transaction(dataSource); Connection deleting = transaction(dataSource)) {
            assertThat(execute(deleting, "delete from member where spot_id = ? and id = ?", spotId, member))
                    .isEqualTo(1);

            int addingPid = backendPid(adding);
            Future<Integer> assignment = thread.submit(() -> execute(adding, ASSIGN, spotId, tag, member));
            awaitLockWait(jdbc, addingPid, assignment);

            deleting.commit();
            assertKeyViolation(failure(assignment), TAG_MISSING_MEMBER);
            adding.rollback();
            // And a value for it, now that it is gone.
            assertKeyViolation(catchThrowable(() -> update(dataSource, SET_VALUE, spotId, member, property)),
                    VALUE_MISSING_MEMBER);
        } finally {
            thread.shutdownNow();
        }
        assertThat(count("member_tag", "member_id", member)).isZero();
    }

    private static UUID tag(Api.SpotClient spot, String name) {
        return UUID.fromString(spot.post("/v1/tags", Map.of("name", name)).expect(201).text("id"));
    }

    private static UUID property(Api.SpotClient spot, String label) {
        return UUID.fromString(spot.post("/v1/customProperties", Map.of("label", label, "type", "Text"))
                .expect(201).text("id"));
    }

    private long count(String table, String column, UUID id) {
        return jdbc.sql("select count(*) from " + table + " where " + column + " = :id").param("id", id)
                .query(Long.class).single();
    }

}
