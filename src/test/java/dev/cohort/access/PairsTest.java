package dev.cohort.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The pairs a change concerns, as SQL: what each query selects and binds, without a database. */
class PairsTest {
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):(\\w+)");
    private static final UUID GROUP = UUID.randomUUID();
    private static final UUID RESOURCE = UUID.randomUUID();
    private static final UUID[] MEMBERS = {UUID.randomUUID(), UUID.randomUUID()};

    private static Set<String> named(String sql) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PARAMETER.matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<Pairs> every() {
        return List.of(Pairs.newGroupMembers(GROUP, MEMBERS), Pairs.linkMembers(GROUP, RESOURCE),
                Pairs.allGroupLinks(GROUP), Pairs.direct(RESOURCE, MEMBERS, true));
    }

    @Test
    void every_query_names_the_parameters_it_carries_and_leaves_the_spot_to_the_statement_around_it() {
        for (Pairs pairs : every()) {
            Set<String> named = named(pairs.sql());
            named.remove("spot");

            assertThat(named).as(pairs.sql()).isEqualTo(pairs.params().keySet());
            assertThat(pairs.params()).as(pairs.sql()).doesNotContainKey("spot");
        }
    }

    @Test
    void the_queries_over_links_read_only_the_spots_own_links() {
        for (Pairs pairs : List.of(Pairs.newGroupMembers(GROUP, MEMBERS), Pairs.linkMembers(GROUP, RESOURCE),
                Pairs.allGroupLinks(GROUP))) {
            assertThat(pairs.sql()).as(pairs.sql()).contains("where l.spot_id = :spot and l.group_id = :group");
        }
    }

    @Test
    void every_query_selects_a_resource_a_member_and_the_email_switch_that_applies() {
        for (Pairs pairs : every()) {
            String select = pairs.sql().substring(0, pairs.sql().indexOf(" from "));

            assertThat(select).as(pairs.sql()).startsWith("select ").contains("resource_id", "member_id",
                    "with_email");
        }
    }

    @Test
    void new_group_members_are_paired_with_every_link_of_their_group_and_take_each_links_switch() {
        Pairs pairs = Pairs.newGroupMembers(GROUP, MEMBERS);

        assertThat(pairs.params()).containsEntry("group", GROUP).containsEntry("members", MEMBERS).hasSize(2);
        assertThat(pairs.sql()).contains("from resource_group_link l", "l.with_email", "l.group_id = :group")
                .doesNotContain("l.resource_id = :resource");
    }

    @Test
    void linking_pairs_the_groups_members_with_that_one_resource_only() {
        Pairs pairs = Pairs.linkMembers(GROUP, RESOURCE);

        assertThat(pairs.params()).containsEntry("group", GROUP).containsEntry("resource", RESOURCE).hasSize(2);
        assertThat(pairs.sql()).contains("join group_membership gm", "l.resource_id = :resource");
    }

    @Test
    void a_deleted_or_restored_group_pairs_its_members_with_every_resource_it_is_linked_to() {
        Pairs pairs = Pairs.allGroupLinks(GROUP);

        assertThat(pairs.params()).containsEntry("group", GROUP).hasSize(1);
        assertThat(pairs.sql()).contains("join group_membership gm").doesNotContain(":resource", ":members");
    }

    @Test
    void a_direct_invitation_pairs_the_members_with_one_resource_and_one_switch_for_all() {
        Pairs withEmail = Pairs.direct(RESOURCE, MEMBERS, true);
        Pairs without = Pairs.direct(RESOURCE, MEMBERS, false);

        assertThat(withEmail.params()).containsEntry("resource", RESOURCE).containsEntry("members", MEMBERS)
                .containsEntry("withEmail", true).hasSize(3);
        assertThat(without.params()).containsEntry("withEmail", false);
        assertThat(withEmail.sql()).isEqualTo(without.sql()).doesNotContain("resource_group_link");
    }
}
