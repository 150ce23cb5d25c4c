package dev.cohort.members;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The SpotMember object of the MeltingSpot API (dates as Unix milliseconds, as it writes them), plus Cohort's
 * {@code invitationDate}, {@code registrationDate}, {@code avatarUrl}, {@code tagIds} and {@code registrationSource}.
 */
public record SpotMember(UUID id, UUID spotId, UUID userId, String email, String title, String lang, String role,
                         UUID customRoleId, String status, String firstname, String lastname, int warnings,
                         Map<String, Object> embedBaseUrls, Long updatedAt, Long lastActivityAt,
                         Long invitationDate, Long registrationDate, String avatarUrl, List<UUID> tagIds,
                         Map<String, Object> registrationSource) {
}
