package dev.cohort.access;

import dev.cohort.members.MemberService;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Grants and revocations as the rest of access asks for them: {@link GrantRepository}'s statements, and what they
 * entail outside access's tables — the Pending members invited to a live are accepted into the Spot by members
 * (rule 7), in the same transaction.
 */
@Service
class Grants {
    private final GrantRepository grants;
    private final MemberService members;

    Grants(GrantRepository grants, MemberService members) {
        this.grants = grants;
        this.members = members;
    }

    /** See {@link GrantRepository#grant(UUID, Pairs, Source, boolean, UUID, boolean)}. */
    GrantRepository.Granted grant(UUID spotId, Pairs pairs, Source source, boolean invite, UUID invitedBy) {
        return grant(spotId, pairs, source, invite, invitedBy, false);
    }

    /** See {@link GrantRepository#grant(UUID, Pairs, Source, boolean, UUID, boolean)}. */
    GrantRepository.Granted grant(UUID spotId, Pairs pairs, Source source, boolean invite, UUID invitedBy,
                                  boolean reenrol) {
        GrantRepository.Granted granted = grants.grant(spotId, pairs, source, invite, invitedBy, reenrol);
        members.acceptInvited(spotId, granted.pendingInvitedToLive());
        return granted;
    }

    /** See {@link GrantRepository#sendPending}. */
    int sendPending(UUID spotId, UUID resourceId) {
        return grants.sendPending(spotId, resourceId);
    }

    /** See {@link GrantRepository#revoke}. */
    GrantRepository.Revoked revoke(UUID spotId, Pairs pairs, Source source) {
        return grants.revoke(spotId, pairs, source);
    }
}
