package dev.cohort.communities;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The communities module's API for the modules above it: the community side of a group. */
@Service
public class Communities {
    private final CommunityRepository communities;

    Communities(CommunityRepository communities) {
        this.communities = communities;
    }

    /** The live community group {@code groupId} of the Spot; empty for another kind, a deleted or unknown group. */
    public Optional<Community> find(UUID spotId, UUID groupId) {
        return communities.find(spotId, groupId);
    }
}
