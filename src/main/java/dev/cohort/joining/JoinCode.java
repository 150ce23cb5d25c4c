package dev.cohort.joining;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A join code of a group (issue 15): members redeem it with {@code POST /v1/me/groups~redeem}. */
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
                       @Schema(description = "Unix milliseconds") long createdAt) {
}
