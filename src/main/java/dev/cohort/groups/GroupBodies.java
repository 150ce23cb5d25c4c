package dev.cohort.groups;

import dev.cohort.web.Body;
import dev.cohort.web.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The bodies of creating and changing a group ({@code POST} and {@code PUT /v1/groups}), read by {@link GroupController}. */
final class GroupBodies {
    private GroupBodies() {
    }

    @Body(echoes = {Group.class, CommunityFields.class})
    @Schema(description = "A new group: static by default, smart with \"kind\": \"smart\" and a rule, a community "
            + "group with \"kind\": \"community\" and its owner")
    record CreateGroup(
            @NotBlank @Size(max = GroupController.NAME_MAX) @Schema(example = "Ambassadors") String name,
            @Schema(example = "Members who speak for the community") String description,
            @Schema(example = "🚀") String emoji,
            String icon,
            @Schema(allowableValues = {"static", "smart", "community"}, description = "Cohort: static (default), "
                    + "smart or community") String kind,
            @Schema(ref = "#/components/schemas/Rule", description = "Cohort: a smart group's rule") JsonNode rule,
            @Schema(description = "Initial members (static and community groups); unknown ids are a 400 and nothing "
                    + "is created")
            List<String> spotMemberIds,
            @Schema(allowableValues = {"closed", "open", "code"}, description = JoinSettings.JOIN_TYPE) String joinType,
            @Schema(description = "Cohort: whether members see the group (default false)") Boolean userViewable,
            @Min(0) @Max(JoinSettings.MAX_DATE) @Schema(description = JoinSettings.START_DATE) Long startDate,
            @Min(0) @Max(JoinSettings.MAX_DATE) @Schema(description = JoinSettings.STOP_DATE) Long stopDate,
            @Schema(description = "Cohort: its place among the groups members see (default 0)") Integer order,
            @Schema(description = "Cohort, community groups (required for them): the owner, a member of the Spot, who "
                    + "becomes the group's first member with groupRole owner") UUID ownerSpotMemberId,
            @Schema(allowableValues = {"approval", "open"}, description = CommunityInput.JOIN_POLICY)
            String joinPolicy,
            @Size(max = 10) @Schema(description = CommunityInput.QUESTIONS)
            List<CommunityInput.MembershipQuestionInput> membershipQuestions,
            @Schema(description = "Cohort, community groups: primary colour and images")
            CommunityInput.GroupBrandingInput branding,
            @Schema(description = "Cohort, community groups: theme colours") CommunityInput.GroupThemeInput theme,
            @Schema(allowableValues = {"free", "subscription"}, description = CommunityInput.ACCESS) String access,
            @Size(max = 20) @Schema(description = CommunityInput.PROMO_LINKS) List<PromoLink> promoLinks,
            @Schema(description = CommunityInput.REPORTS) Boolean reportsEnabled) {

        CommunityInput community() {
            return new CommunityInput(null, joinPolicy, membershipQuestions, branding, theme, access, promoLinks,
                    reportsEnabled);
        }
    }

    @Body(echoes = {Group.class, CommunityFields.class}, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are")
    record UpdateGroup(
            @NotBlank @Size(max = GroupController.NAME_MAX) String name,
            @Schema(description = "null clears it") Optional<String> description,
            @Schema(description = "null clears it") Optional<String> emoji,
            @Schema(description = "null clears it") Optional<String> icon,
            @Schema(allowableValues = {"static", "smart", "community"}, description = "Cohort: \"static\" turns a "
                    + "smart group into a static one keeping its members; \"smart\" with a rule turns a static group "
                    + "smart; a community group stays one, and no other group becomes one") String kind,
            @Schema(ref = "#/components/schemas/Rule", description = "Cohort: a smart group's new rule; null leaves "
                    + "the rule as it is") Optional<JsonNode> rule,
            @Schema(allowableValues = {"closed", "open", "code"}, description = JoinSettings.JOIN_TYPE) String joinType,
            @Schema(description = "Cohort: whether members see the group") Boolean userViewable,
            @Min(0) @Max(JoinSettings.MAX_DATE) @Schema(description = JoinSettings.START_DATE) Optional<Long> startDate,
            @Min(0) @Max(JoinSettings.MAX_DATE) @Schema(description = JoinSettings.STOP_DATE) Optional<Long> stopDate,
            @Schema(description = "Cohort: its place among the groups members see") Integer order,
            @Schema(description = "Cohort, community groups: the owner can never be replaced (409 when another is "
                    + "sent; the same one, or null, changes nothing)") Optional<UUID> ownerSpotMemberId,
            @Schema(description = "Cohort, community groups: the join URL's new slug (3 to 60 lowercase letters, "
                    + "digits, hyphens), changed once: a second change is a 409, a slug the Spot has or had a 409")
            Optional<String> slug,
            @Schema(allowableValues = {"approval", "open"}, description = CommunityInput.JOIN_POLICY)
            Optional<String> joinPolicy,
            @Size(max = 10) @Schema(description = CommunityInput.QUESTIONS + "; the whole list, null clears it")
            Optional<List<CommunityInput.MembershipQuestionInput>> membershipQuestions,
            @Schema(description = "Cohort, community groups: the whole branding; null clears it")
            Optional<CommunityInput.GroupBrandingInput> branding,
            @Schema(description = "Cohort, community groups: the whole theme; null clears it")
            Optional<CommunityInput.GroupThemeInput> theme,
            @Schema(allowableValues = {"free", "subscription"}, description = CommunityInput.ACCESS)
            Optional<String> access,
            @Size(max = 20) @Schema(description = CommunityInput.PROMO_LINKS + "; the whole list, null clears it")
            Optional<List<PromoLink>> promoLinks,
            @Schema(description = CommunityInput.REPORTS) Optional<Boolean> reportsEnabled) {

        CommunityInput community(boolean community, Problems problems) {
            return CommunityInput.update(community, problems, slug, joinPolicy, membershipQuestions, branding, theme,
                    access, promoLinks, reportsEnabled);
        }
    }
}
