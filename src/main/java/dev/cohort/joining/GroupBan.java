package dev.cohort.joining;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member banned from a community group (issue 16): they cannot join, ask to, redeem a code or accept an invitation. */
record GroupBan(UUID spotMemberId, String email, @Nullable String firstname, @Nullable String lastname,
                @Schema(description = "Why, as the banning side wrote it") @Nullable String reason,
                @Schema(description = "The member who banned them; null: an operator (API key)")
                @Nullable UUID bannedBySpotMemberId,
                @Schema(description = "Unix milliseconds") long createdAt) {
}
