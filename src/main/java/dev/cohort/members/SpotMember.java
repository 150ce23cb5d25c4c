package dev.cohort.members;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The SpotMember object of the MeltingSpot API (dates as Unix milliseconds, as it writes them), plus Cohort's
 * {@code invitationDate}, {@code registrationDate}, {@code avatarUrl}, {@code tagIds} and {@code registrationSource}.
 */
public record SpotMember(UUID id, UUID spotId, @Nullable UUID userId, String email, @Nullable String title,
                         @Schema(allowableValues = {"en", "fr", "de", "it", "es", "pt", "nl"}) String lang,
                         @Schema(allowableValues = {"Member", "Admin"}) String role,
                         @Nullable UUID customRoleId,
                         @Schema(allowableValues = {"Accepted", "Deactivated", "DeclinedInvitation", "Invited", "Left",
                                 "Pending", "Rejected"}) String status,
                         String firstname, String lastname, int warnings,
                         @Schema(description = "default (always present) and any other keys, each a URL")
                         Map<String, Object> embedBaseUrls,
                         @Schema(description = "Unix milliseconds") Long updatedAt,
                         @Schema(description = "Unix milliseconds") @Nullable Long lastActivityAt,
                         @Schema(description = "Cohort: Unix milliseconds") @Nullable Long invitationDate,
                         @Schema(description = "Cohort: Unix milliseconds") @Nullable Long registrationDate,
                         @Nullable String avatarUrl,
                         @Schema(description = "Cohort: the member's tags, in the order they were given")
                         List<UUID> tagIds,
                         @Schema(description = "Cohort: where the member came from, as sent when it was created")
                         @Nullable Map<String, Object> registrationSource) {
}
