package dev.cohort.joining;

import dev.cohort.communities.Communities;
import dev.cohort.communities.Community;
import dev.cohort.communities.CommunityAction;
import dev.cohort.communities.CommunityAuthority;
import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.groups.Admission;
import dev.cohort.groups.Memberships;
import dev.cohort.members.MemberService;
import dev.cohort.spots.Caller;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import dev.cohort.web.Problems;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/**
 * Email invitations to community groups (issue 16). Each invited address gets an email (through the outbox) whose
 * link carries a single-use token of 256 random bits; only its SHA-256 is stored with the invitation (the outbox
 * keeps the link until the email is sent). The token is the proof: any member of the group's Spot who holds it may
 * accept it, whatever their own address (an address that is no member's yet signs up with the host first), and it
 * then joins them, or files a pending join request when the invitation does not bypass approval. Bans and
 * subscriptions apply as to every way in; another Spot's token is never found.
 */
@Service
class InvitationService {
    static final Filters.Spec FILTERS = Filters.spec()
            .enumeration("status", "(case when i.accepted_at is null then 'pending' else 'accepted' end)",
                    List.of("pending", "accepted"), Filters.Op.eq)
            .email("email", "i.email", Filters.Op.eq);

    private final SecureRandom random = new SecureRandom();
    private final CommunityAuthority authority;
    private final Communities communities;
    private final Memberships memberships;
    private final CommunityGate gate;
    private final CommunityJoinService joins;
    private final InvitationRepository invitations;
    private final BanRepository bans;
    private final JoinNotices notices;
    private final JoinLinks links;
    private final JoinCodeRepository reads;
    private final Clock clock;

    InvitationService(CommunityAuthority authority, Communities communities, Memberships memberships,
                      CommunityGate gate, CommunityJoinService joins, InvitationRepository invitations,
                      BanRepository bans, JoinNotices notices, JoinLinks links, JoinCodeRepository reads,
                      Clock clock) {
        this.authority = authority;
        this.communities = communities;
        this.memberships = memberships;
        this.gate = gate;
        this.joins = joins;
        this.invitations = invitations;
        this.bans = bans;
        this.notices = notices;
        this.links = links;
        this.reads = reads;
        this.clock = clock;
    }

    /** What accepting an invitation did. */
    record Accepted(String status, UUID groupId, @Nullable UUID joinRequestId) {
    }

    /**
     * Invites each address once (compared case-insensitively; the first spelling is kept): a 400 naming
     * {@code emails[i]} for an address that is not one, a 409 for a banned member's.
     */
    @Transactional
    List<GroupInvitation> create(Caller caller, UUID groupId, List<String> emails, boolean bypassApproval) {
        CommunityAuthority.Actor actor = authority.require(caller, groupId, CommunityAction.INVITE);
        UUID spotId = caller.spotId();
        Problems problems = new Problems();
        if (emails.isEmpty()) {
            problems.add("emails", "at least one address");
        }
        Map<String, String> distinct = new LinkedHashMap<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < emails.size(); i++) {
            String email = emails.get(i).strip();
            if (!MemberService.validEmail(email) || email.length() > 320) {
                problems.add("emails[" + i + "]", "not an email address");
            } else if (distinct.putIfAbsent(email.toLowerCase(Locale.ROOT), email) == null) {
                index.put(email.toLowerCase(Locale.ROOT), i);
            }
        }
        problems.throwIfAny();
        Map<String, UUID> members = invitations.members(spotId, distinct.keySet().toArray(String[]::new));
        for (Map.Entry<String, UUID> member : members.entrySet()) {
            if (bans.banned(spotId, groupId, member.getValue())) {
                throw new ConflictException("emails[" + index.get(member.getKey()) + "]", "banned: "
                        + distinct.get(member.getKey()) + " is banned from this group; lift the ban first");
            }
        }
        List<String> tokens = new ArrayList<>(distinct.size());
        List<String> hashes = new ArrayList<>(distinct.size());
        for (int i = 0; i < distinct.size(); i++) {
            String token = token();
            tokens.add(token);
            hashes.add(sha256(token));
        }
        List<GroupInvitation> made = invitations.insert(spotId, groupId, distinct.values().toArray(String[]::new),
                hashes.toArray(String[]::new), bypassApproval, caller.memberId(), clock.instant());
        List<JoinNotices.Invited> emailsOut = new ArrayList<>(made.size());
        for (int i = 0; i < made.size(); i++) {
            GroupInvitation invitation = made.get(i);
            emailsOut.add(new JoinNotices.Invited(invitation.spotMemberId(), invitation.email(),
                    links.invitation(actor.community(), tokens.get(i))));
        }
        notices.invited(spotId, groupId, emailsOut);
        return made;
    }

    ListPage<GroupInvitation> list(Caller caller, UUID groupId, MultiValueMap<String, String> query) {
        authority.require(caller, groupId, CommunityAction.INVITE);
        return invitations.list(caller.spotId(), groupId, ListQuery.read(query, FILTERS));
    }

    /**
     * Accepts an invitation with the member's token: 404 for an unknown token (another Spot's included) or a group
     * gone, 409 for a used one, a banned member, or a subscription group without an active subscription.
     */
    @Transactional
    Accepted accept(UUID spotId, UUID memberId, String token) {
        InvitationRepository.Found invitation = invitations.byToken(spotId, sha256(token.strip()))
                .orElseThrow(() -> new NotFoundException("Invitation"));
        if (memberships.lockSharedAll(spotId, List.of(invitation.groupId())).isEmpty()) {
            throw new NotFoundException("Invitation");
        }
        Community community = communities.find(spotId, invitation.groupId())
                .orElseThrow(() -> new NotFoundException("Invitation"));
        if (invitation.used()) {
            throw new ConflictException("token", "this invitation was used already: it works once");
        }
        Instant now = clock.instant();
        boolean member = reads.isMember(spotId, community.groupId(), memberId);
        Instant until = member ? null : gate.admit(community, memberId, now);
        if (!invitations.use(spotId, invitation.id(), memberId, now)) {
            throw new ConflictException("token", "this invitation was used already: it works once");
        }
        if (member) {
            return new Accepted("Joined", community.groupId(), null);
        }
        if (!invitation.bypassApproval()) {
            return new Accepted("Pending", community.groupId(), joins.request(spotId, community.groupId(), memberId,
                    List.of(), null, invitation.id(), now));
        }
        memberships.admit(spotId, community.groupId(),
                List.of(new Admission(memberId, SelfJoinService.SELF_JOINED, null, until)));
        return new Accepted("Joined", community.groupId(), null);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "gi_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token's SHA-256 in hex, as stored. */
    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
