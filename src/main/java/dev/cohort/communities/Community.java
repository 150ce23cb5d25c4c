package dev.cohort.communities;

import java.util.List;
import java.util.UUID;

/** What the other modules need to know of a community group: its owner, slug, join policy, questions and access. */
public record Community(UUID spotId, UUID groupId, UUID ownerMemberId, String slug, String joinPolicy,
                        List<Question> questions, String access, boolean reportsEnabled) {
    /** A membership question; a required one must be answered to join or to request to join. */
    public record Question(String id, String question, boolean required) {
    }

    public boolean needsApproval() {
        return joinPolicy.equals("approval");
    }

    public boolean subscription() {
        return access.equals("subscription");
    }
}
