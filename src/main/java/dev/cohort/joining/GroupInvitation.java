package dev.cohort.joining;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An email invitation to a community group (issue 16). Its single-use token is only in the email's link (the
 * service keeps its SHA-256): whoever accepts it with their member token joins, or files a pending join request when
 * the invitation does not bypass approval.
 */
record GroupInvitation(UUID id, UUID groupId,
                       @Schema(description = "The address invited, as given") String email,
                       @Schema(description = "The member whose address it is; null when it is no member's yet (they "
                               + "sign up with the host, then accept)") @Nullable UUID spotMemberId,
                       @Schema(description = "true: accepting joins at once; false: it files a join request")
                       boolean bypassApproval,
                       @Schema(description = "The member who invited; null: an operator (API key)")
                       @Nullable UUID invitedBySpotMemberId,
                       @Schema(description = "Unix milliseconds") long createdAt,
                       @Schema(description = "Unix milliseconds of the acceptance; null while unused")
                       @Nullable Long acceptedAt,
                       @Schema(description = "The member who accepted it (whoever held the link)")
                       @Nullable UUID acceptedBySpotMemberId) {
}
