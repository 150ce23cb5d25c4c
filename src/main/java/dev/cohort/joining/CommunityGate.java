package dev.cohort.joining;

import dev.cohort.communities.Community;
import dev.cohort.errors.ConflictException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The checks every member-initiated way into a community group passes (a join, a join request, a code, an
 * invitation): a banned member is refused ({@code 409 "banned"}), and a subscription group admits only members whose
 * subscription is active ({@code 409 "subscription required"}); their membership then ends with the subscription.
 */
@Component
class CommunityGate {
    static final String BANNED = "banned: you cannot join this group";
    static final String SUBSCRIPTION_REQUIRED = "subscription required: this group admits members with an active "
            + "subscription only";

    private final BanRepository bans;
    private final SubscriptionRepository subscriptions;

    CommunityGate(BanRepository bans, SubscriptionRepository subscriptions) {
        this.bans = bans;
        this.subscriptions = subscriptions;
    }

    /**
     * Lets {@code memberId} in or throws: the end of the membership they would get (their subscription's end in a
     * subscription group), null for a permanent one.
     */
    @Nullable Instant admit(Community community, UUID memberId, Instant now) {
        if (bans.banned(community.spotId(), community.groupId(), memberId)) {
            throw new ConflictException("groupId", BANNED);
        }
        if (!community.subscription()) {
            return null;
        }
        return subscriptions.activeUntil(community.spotId(), community.groupId(), memberId, now)
                .orElseThrow(() -> new ConflictException("groupId", SUBSCRIPTION_REQUIRED));
    }
}
