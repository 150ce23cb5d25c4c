package dev.cohort.groups;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a Group shows of its community side (issue 16), every field {@code null} for a static or smart group: the
 * owner, the join URL's slug (changed at most once), the join policy, membership questions, branding, theme, access,
 * promotional links and whether members may report content. Filled in by {@link GroupCommunities}.
 */
public record CommunityFields(
        @Schema(description = "Cohort: a community group's owner (its creator, for good); null for other kinds")
        @Nullable UUID ownerSpotMemberId,
        @Schema(description = "Cohort: the join URL's slug, unique in the Spot (3 to 60 lowercase letters, digits, "
                + "hyphens); null for other kinds", example = "product-beta") @Nullable String slug,
        @Schema(description = "Cohort: COHORT_PUBLIC_URL/join/{spotId}/{slug}; null for other kinds")
        @Nullable String joinUrl,
        @Schema(description = "Cohort: how many times the slug may still be changed (1, then 0); null for other kinds")
        @Nullable Integer slugChangesLeft,
        @Schema(allowableValues = {"approval", "open"}, description = "Cohort: approval (a join request an admin or "
                + "moderator approves) or open (members join at once); null for other kinds")
        @Nullable String joinPolicy,
        @Schema(description = "Cohort: the questions a join request answers; null for other kinds")
        @Nullable List<MembershipQuestion> membershipQuestions,
        @Schema(description = "Cohort: the group's colour and images; null for other kinds")
        @Nullable GroupBranding branding,
        @Schema(description = "Cohort: the group's theme colours; null for other kinds") @Nullable GroupTheme theme,
        @Schema(allowableValues = {"free", "subscription"}, description = "Cohort: free, or only for members with an "
                + "active subscription; null for other kinds") @Nullable String access,
        @Schema(description = "Cohort: links shown to all members; null for other kinds")
        @Nullable List<PromoLink> promoLinks,
        @Schema(description = "Cohort: whether members may report content; null for other kinds")
        @Nullable Boolean reportsEnabled) {

    /** The fields of a group that is not a community group: all null. */
    public static final CommunityFields NONE = new CommunityFields(null, null, null, null, null, null, null, null, null,
            null, null);

    /** A question a member answers when asking to join (text answers up to 2,000 characters). */
    public record MembershipQuestion(@Schema(description = "Kept when given, generated otherwise") String id,
                                     String question, boolean required) {
    }

    /** A community group's primary colour and images (https URLs), each null when not set. */
    public record GroupBranding(@Schema(description = "#RRGGBB", example = "#3355FF") @Nullable String primaryColor,
                                @Schema(format = "uri") @Nullable String logoUrl,
                                @Schema(format = "uri") @Nullable String coverUrl,
                                @Schema(format = "uri") @Nullable String faviconUrl) {
        public static final GroupBranding NONE = new GroupBranding(null, null, null, null);
    }

    /** A community group's theme colours (#RRGGBB), each null when not set. */
    public record GroupTheme(@Schema(example = "#FFFFFF") @Nullable String background,
                             @Schema(example = "#111111") @Nullable String text,
                             @Schema(example = "#3355FF") @Nullable String accent) {
        public static final GroupTheme NONE = new GroupTheme(null, null, null);
    }
}
