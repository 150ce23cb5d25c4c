package dev.cohort.communities;

import io.swagger.v3.oas.annotations.media.Schema;

/** A Spot's community settings: whether its members may create community groups themselves. */
record CommunitySettings(@Schema(description = "Whether members create community groups with POST /v1/me/groups "
        + "(default true)") boolean membersCanCreateGroups) {
    static final CommunitySettings DEFAULT = new CommunitySettings(true);
}
