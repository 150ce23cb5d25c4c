package dev.cohort.groups;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The Group object of the MeltingSpot API ({@code id, name, description, emoji, icon}) plus Cohort's
 * {@code kind} ("static", "smart" or "community"), a smart group's {@code rule} and the time it was last evaluated
 * over the whole Spot ({@code ruleEvaluatedAt}), how members may join it ({@code joinType}, {@code userViewable}, the
 * window {@code startDate}..{@code stopDate} in Unix seconds, {@code order}), {@code membersCount},
 * {@code resourcesCount} and dates (Unix milliseconds), and a community group's own fields ({@link CommunityFields},
 * null for the other kinds).
 */
public record Group(UUID id, String name, @Nullable String description, @Nullable String emoji,
                    @Nullable String icon,
                    @Schema(allowableValues = {"static", "smart", "community"}) String kind,
                    @Schema(ref = "#/components/schemas/Rule", description = "A smart group's rule; null for a static "
                            + "group") @Nullable JsonNode rule,
                    @Schema(description = "When the rule was last evaluated over the whole Spot (Unix milliseconds)")
                    @Nullable Long ruleEvaluatedAt,
                    @Schema(allowableValues = {"closed", "open", "code"}, description = "Who adds members: closed "
                            + "(operators only), open (members join and leave themselves), code (members join with a "
                            + "code)") String joinType,
                    @Schema(description = "Whether members see the group (GET /v1/me/groups/joinable)")
                    boolean userViewable,
                    @Schema(description = "Unix seconds: the group is visible and joinable from then on; null: "
                            + "from the start") @Nullable Long startDate,
                    @Schema(description = "Unix seconds: the group is visible and joinable until then; null: no end")
                    @Nullable Long stopDate,
                    @Schema(description = "Its place among the groups members see (then by name)") int order,
                    long membersCount, long resourcesCount,
                    @Schema(description = "Unix milliseconds") long createdAt,
                    @Schema(description = "Unix milliseconds") long updatedAt,
                    @JsonUnwrapped CommunityFields community) {
    /** The same group with its community fields. */
    public Group with(CommunityFields fields) {
        return new Group(id, name, description, emoji, icon, kind, rule, ruleEvaluatedAt, joinType, userViewable,
                startDate, stopDate, order, membersCount, resourcesCount, createdAt, updatedAt, fields);
    }

    public boolean isCommunity() {
        return kind.equals("community");
    }
}
