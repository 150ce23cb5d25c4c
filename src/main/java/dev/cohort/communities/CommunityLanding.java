package dev.cohort.communities;

import dev.cohort.groups.CommunityFields.GroupBranding;
import dev.cohort.groups.CommunityFields.GroupTheme;
import dev.cohort.groups.CommunityFields.MembershipQuestion;
import dev.cohort.groups.Group;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a community group's join page shows a member of the Spot, found by its slug. */
record CommunityLanding(UUID id, String name, @Nullable String description, @Nullable String emoji,
                        @Nullable String icon, String slug, String joinUrl,
                        @Schema(allowableValues = {"approval", "open"}) String joinPolicy,
                        @Schema(allowableValues = {"free", "subscription"}) String access,
                        List<MembershipQuestion> membershipQuestions, GroupBranding branding, GroupTheme theme,
                        long membersCount,
                        @Schema(description = "Whether I am a member of the group") boolean member) {
    static CommunityLanding of(Group group, boolean member) {
        var c = group.community();
        return new CommunityLanding(group.id(), group.name(), group.description(), group.emoji(), group.icon(),
                c.slug(), c.joinUrl(), c.joinPolicy(), c.access(), c.membershipQuestions(), c.branding(), c.theme(),
                group.membersCount(), member);
    }
}
