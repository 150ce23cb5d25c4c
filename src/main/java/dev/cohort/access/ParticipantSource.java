package dev.cohort.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One reason a participant holds a resource, as the participant lists show it: a direct invitation, a linked group
 * holding the member (with its id), or a self-enrolment.
 */
@Schema(description = "What holds a participant: direct, a linked group holding the member, or selfEnrollment")
public record ParticipantSource(@Schema(allowableValues = {"direct", "group", "selfEnrollment"}) String type,
                                @Schema(description = "The linked group, for type group") @Nullable UUID groupId) {
    static final ParticipantSource DIRECT = new ParticipantSource("direct", null);
    static final ParticipantSource SELF_ENROLLMENT = new ParticipantSource("selfEnrollment", null);

    static ParticipantSource group(UUID groupId) {
        return new ParticipantSource("group", groupId);
    }
}
