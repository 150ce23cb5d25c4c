package dev.cohort.joining;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A join code of a group (issue 15): members redeem it with {@code POST /v1/me/groups~redeem}. On a community group
 * (issue 16) it is a shareable invite link, which may still need approval.
 */
public record JoinCode(UUID id,
                       @Schema(description = "The code, upper-case (redeemed case-insensitively)", example = "K7QX9MZT")
                       String code,
                       UUID groupId,
                       @Schema(description = "How many members joined with it") int uses,
                       @Schema(description = "How many members may join with it; null: unlimited") @Nullable Integer maxUses,
                       @Schema(description = "Unix seconds from which it joins; null: from the group's start")
                       @Nullable Long validFrom,
                       @Schema(description = "Unix seconds until which it joins; null: until the group's end")
                       @Nullable Long validUntil,
                       @Schema(description = "Days a membership made with it lasts; null: permanent")
                       @Nullable Integer membershipDays,
                       @Schema(description = "Community groups: redeeming it files a join request that a moderator "
                               + "approves, instead of joining at once") boolean requiresApproval,
                       @Schema(description = "Community groups: the shareable link that redeems it "
                               + "(COHORT_PUBLIC_URL/join/{spotId}/{slug}?code=...); null for other groups")
                       @Nullable String joinUrl,
                       @Schema(description = "Unix milliseconds") long createdAt) {
    /** The code with its shareable link. */
    JoinCode withJoinUrl(@Nullable String url) {
        return new JoinCode(id, code, groupId, uses, maxUses, validFrom, validUntil, membershipDays, requiresApproval,
                url, createdAt);
    }
}
