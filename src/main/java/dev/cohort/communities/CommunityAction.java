package dev.cohort.communities;

/**
 * What can be done to a community group, each with the weakest role allowed to do it (issue 16's table) and the
 * right a refusal names. Operators (a Spot key) may do all of them.
 */
public enum CommunityAction {
    DELETE(GroupRole.OWNER, "groups.delete"),
    RESTORE(GroupRole.OWNER, "groups.restore"),
    CHANGE_SLUG(GroupRole.OWNER, "groups.changeSlug"),
    NAME_ADMINS(GroupRole.OWNER, "groups.nameAdmins"),
    ADD_MEMBERS(GroupRole.OWNER, "groups.addMembers"),
    EDIT_SETTINGS(GroupRole.ADMIN, "groups.settings"),
    SET_ROLES(GroupRole.ADMIN, "groups.roles"),
    INVITE(GroupRole.ADMIN, "groups.invite"),
    BAN(GroupRole.ADMIN, "groups.ban"),
    REMOVE_MEMBERS(GroupRole.MODERATOR, "groups.remove"),
    APPROVE(GroupRole.MODERATOR, "groups.approve"),
    MODERATE_REPORTS(GroupRole.MODERATOR, "groups.reports"),
    VIEW_MEMBERS(GroupRole.MEMBER, "groups.view"),
    LEAVE(GroupRole.MEMBER, "groups.leave"),
    REPORT(GroupRole.MEMBER, "groups.report");

    final GroupRole least;
    final String right;

    CommunityAction(GroupRole least, String right) {
        this.least = least;
        this.right = right;
    }

    /** The weakest group role allowed to do this. */
    public GroupRole least() {
        return least;
    }

    /** The right a refusal names. */
    public String right() {
        return right;
    }
}
