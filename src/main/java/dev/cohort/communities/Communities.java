package dev.cohort.communities;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The communities module's API for the modules above it: the community side of a group. */
@Service
public class Communities {
    private final CommunityRepository communities;
    private final CommunityGroups groups;

    Communities(CommunityRepository communities, CommunityGroups groups) {
        this.communities = communities;
        this.groups = groups;
    }

    /** The live community group {@code groupId} of the Spot; empty for another kind, a deleted or unknown group. */
    public Optional<Community> find(UUID spotId, UUID groupId) {
        return communities.find(spotId, groupId);
    }

    /** The group's join URL, {@code COHORT_PUBLIC_URL/join/{spotId}/{slug}}, as every Group answer shows it. */
    public String joinUrl(Community community) {
        return groups.joinUrl(community.spotId(), community.slug());
    }
}
