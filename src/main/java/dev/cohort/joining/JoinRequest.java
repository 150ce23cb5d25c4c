package dev.cohort.joining;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member's request to join a community group that needs approval (issue 16), with their answers. */
record JoinRequest(UUID id, UUID groupId, UUID spotMemberId, String email, @Nullable String firstname,
                   @Nullable String lastname,
                   @Schema(allowableValues = {"Pending", "Approved", "Rejected", "Cancelled"}) String status,
                   @Schema(description = "The answers to the group's membership questions, each with the question "
                           + "as it was asked") List<MembershipAnswers.Stored> answers,
                   @Schema(description = "The reason given with the approval or rejection (\"banned\" for a request "
                           + "ended by a ban)") @Nullable String reason,
                   @Schema(description = "Unix milliseconds") long createdAt,
                   @Schema(description = "Unix milliseconds of the approval, rejection or cancellation; null while "
                           + "pending") @Nullable Long decidedAt,
                   @Schema(description = "The member who decided it; null: an operator (API key), the member "
                           + "themselves (cancelled) or a ban") @Nullable UUID decidedBySpotMemberId,
                   @Schema(description = "The join code the request came with (a code that needs approval)")
                   @Nullable UUID joinCodeId,
                   @Schema(description = "The invitation the request came with (one that does not bypass "
                           + "approval)") @Nullable UUID invitationId) {
}
