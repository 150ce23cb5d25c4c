package dev.cohort.joining;

import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A member accepts an email invitation to a community group (issue 16), with a member token. */
@RestController
@Tag(name = "Me (member token)")
class MyInvitationController {
    private final InvitationService invitations;

    MyInvitationController(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Body
    record AcceptInvitation(@NotBlank @Size(max = 200) @Schema(description = "The token of the invitation "
            + "link (its invitation parameter)", example = "gi_3q2-7wA...") String token) {
    }

    /** What accepting an invitation did. */
    record InvitationAccepted(@Schema(allowableValues = {"Joined", "Pending"}) String status,
                              @Schema(description = "The group the invitation is to") UUID groupId,
                              @Schema(description = "The join request filed (Pending); null otherwise")
                              @Nullable UUID joinRequestId) {
    }

    @PostMapping("/v1/me/groups~acceptInvitation")
    @Operation(operationId = "acceptGroupInvitation", summary = "Accept an invitation to a community group",
            description = "200 {\"status\": \"Joined\", \"groupId\"} (linked resources invite me at once), or "
                    + "{\"status\": \"Pending\", \"groupId\", \"joinRequestId\"} for an invitation that does not "
                    + "bypass approval. The token is the proof: it works once, for whichever member of the Spot holds "
                    + "it. A group I am in already: 200 Joined, the token used. 404 for an unknown token (another "
                    + "Spot's included) or a group gone; 409 for a used token, \"banned\", or \"subscription "
                    + "required\".")
    @Errors(409)
    InvitationAccepted accept(Caller caller, @RequestBody AcceptInvitation body) {
        InvitationService.Accepted accepted = invitations.accept(caller.spotId(), caller.memberId(), body.token());
        return new InvitationAccepted(accepted.status(), accepted.groupId(), accepted.joinRequestId());
    }
}
