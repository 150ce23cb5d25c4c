package dev.cohort.communities;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Content a member reported in a community group. Cohort does not store the content: {@code contentId} is the host's
 * id, and a {@code Removed} resolution is what the host acts on.
 */
record GroupReport(UUID id, UUID groupId, UUID reporterSpotMemberId,
                   @Schema(allowableValues = {"message", "topic", "comment", "member", "other"}) String contentType,
                   @Schema(description = "The host's id of the content") String contentId, String reason,
                   @Schema(allowableValues = {"Open", "Dismissed", "Removed"}) String status,
                   @Nullable String resolutionNote,
                   @Schema(description = "Who resolved it; null while open or when an operator did")
                   @Nullable UUID resolvedBySpotMemberId,
                   @Schema(description = "Unix milliseconds") long createdAt,
                   @Schema(description = "Unix milliseconds; null while open") @Nullable Long resolvedAt) {
}
