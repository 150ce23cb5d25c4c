package dev.cohort.communities;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A community group's slug: the first one, made from its name with a suffix when the Spot has or had it, and the one
 * change it may make, which retires the old slug for good.
 */
@Component
class CommunitySlugs {
    /** How many candidates one query looks at. */
    private static final int BATCH = 20;

    private final CommunityRepository communities;
    private final SlugRepository slugs;

    CommunitySlugs(CommunityRepository communities, SlugRepository slugs) {
        this.communities = communities;
        this.slugs = slugs;
    }

    /**
     * Gives a new group ({@code community_group} row written with {@code base}) the first candidate of {@code base}
     * the Spot has never had. A group created at the same moment with the same name may claim a candidate first: the
     * claim then fails and the next free one is taken.
     */
    void claimFirst(UUID spotId, UUID groupId, String base) {
        int from = 1;
        while (true) {
            List<String> candidates = new ArrayList<>();
            for (int n = from; n < from + BATCH; n++) {
                candidates.add(Slugs.candidate(base, n));
            }
            candidates.removeAll(slugs.taken(spotId, candidates));
            for (String candidate : candidates) {
                if (slugs.claim(spotId, candidate, groupId)) {
                    if (!candidate.equals(base)) {
                        communities.setSlug(spotId, groupId, candidate, false);
                    }
                    return;
                }
            }
            from += BATCH;
        }
    }

    /**
     * Changes the group's slug (checked already), once: the same slug changes nothing; a second change, or a slug the
     * Spot has or had, is a conflict. The group's row is locked, so that of two concurrent changes one wins and the
     * other finds no change left. Returns whether it changed.
     */
    boolean change(UUID spotId, UUID groupId, String slug) {
        CommunityRepository.SlugState state = communities.lockSlug(spotId, groupId)
                .orElseThrow(() -> new NotFoundException("Community group"));
        if (state.slug().equals(slug)) {
            return false;
        }
        if (state.changesLeft() <= 0) {
            throw new ConflictException("slug", "the slug was changed once already (slugChangesLeft 0): it cannot "
                    + "change again");
        }
        if (!slugs.claim(spotId, slug, groupId)) {
            throw new ConflictException("slug", "'" + slug + "' is taken: the Spot has or had a group with this slug");
        }
        slugs.retire(spotId, state.slug());
        communities.setSlug(spotId, groupId, slug, true);
        return true;
    }
}
