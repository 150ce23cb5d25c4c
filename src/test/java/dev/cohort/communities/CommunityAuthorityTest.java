package dev.cohort.communities;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.ForbiddenException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The target-sensitive rules of {@link CommunityAuthority#requireOver}, without Spring. */
class CommunityAuthorityTest {
    private final CommunityAuthority authority = new CommunityAuthority(null);
    private final Community community = new Community(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
            "makers", "approval", List.of(), "free", true);

    private CommunityAuthority.Actor actor(GroupRole role) {
        return new CommunityAuthority.Actor(community, UUID.randomUUID(), role);
    }

    @Test
    void a_moderator_removes_members_but_not_moderators() {
        assertThatCode(() -> authority.requireOver(actor(GroupRole.MODERATOR), GroupRole.MEMBER,
                CommunityAction.REMOVE_MEMBERS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> authority.requireOver(actor(GroupRole.MODERATOR), GroupRole.MODERATOR,
                CommunityAction.REMOVE_MEMBERS)).isInstanceOf(ForbiddenException.class)
                .extracting(e -> ((ForbiddenException) e).right()).isEqualTo("groups.remove");
    }

    @Test
    void an_admin_removes_moderators_and_only_the_owner_removes_admins() {
        assertThatCode(() -> authority.requireOver(actor(GroupRole.ADMIN), GroupRole.MODERATOR,
                CommunityAction.REMOVE_MEMBERS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> authority.requireOver(actor(GroupRole.ADMIN), GroupRole.ADMIN,
                CommunityAction.REMOVE_MEMBERS)).isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> authority.requireOver(actor(GroupRole.OWNER), GroupRole.ADMIN,
                CommunityAction.REMOVE_MEMBERS)).doesNotThrowAnyException();
    }

    @Test
    void an_admin_gives_roles_up_to_moderator_and_naming_admins_is_the_owners() {
        assertThatCode(() -> authority.requireOver(actor(GroupRole.ADMIN), GroupRole.MODERATOR,
                CommunityAction.SET_ROLES)).doesNotThrowAnyException();
        assertThatThrownBy(() -> authority.requireOver(actor(GroupRole.ADMIN), GroupRole.ADMIN,
                CommunityAction.SET_ROLES)).isInstanceOf(ForbiddenException.class)
                .extracting(e -> ((ForbiddenException) e).right()).isEqualTo("groups.nameAdmins");
        assertThatCode(() -> authority.requireOver(actor(GroupRole.OWNER), GroupRole.ADMIN,
                CommunityAction.SET_ROLES)).doesNotThrowAnyException();
    }

    @Test
    void a_ban_needs_an_admin_even_for_a_plain_member() {
        assertThatThrownBy(() -> authority.requireOver(actor(GroupRole.MODERATOR), GroupRole.MEMBER,
                CommunityAction.BAN)).isInstanceOf(ForbiddenException.class);
        assertThatCode(() -> authority.requireOver(actor(GroupRole.ADMIN), GroupRole.MEMBER, CommunityAction.BAN))
                .doesNotThrowAnyException();
    }

    @Test
    void the_owner_is_never_a_target_not_even_for_an_operator_or_themselves() {
        for (CommunityAction action : List.of(CommunityAction.REMOVE_MEMBERS, CommunityAction.BAN,
                CommunityAction.SET_ROLES)) {
            assertThatThrownBy(() -> authority.requireOver(new CommunityAuthority.Actor(community, null,
                    GroupRole.OWNER), GroupRole.OWNER, action)).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> authority.requireOver(actor(GroupRole.OWNER), GroupRole.OWNER, action))
                    .isInstanceOf(ConflictException.class);
        }
    }

    @Test
    void an_operator_may_act_on_anyone_but_the_owner() {
        CommunityAuthority.Actor operator = new CommunityAuthority.Actor(community, null, GroupRole.OWNER);
        assertThatCode(() -> authority.requireOver(operator, GroupRole.ADMIN, CommunityAction.SET_ROLES))
                .doesNotThrowAnyException();
    }
}
