package dev.cohort.joining;

import dev.cohort.communities.Communities;
import dev.cohort.communities.Community;
import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.groups.Memberships;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import dev.cohort.web.Problems;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Join codes (issue 15): operators create them on static code or open groups, one at a time or many single-use ones
 * at once, each inside the group's window, and on community groups (issue 16), where a code is a shareable invite
 * link that may still need approval; members redeem them. A use is counted by one conditional update in the
 * transaction of the join (or of the join request a code that needs approval files), so that a code's last use goes
 * to exactly one member.
 */
@Service
class JoinCodeService {
    /** Generated codes' alphabet: no 0/O, no 1/I. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final int GENERATED_LENGTH = 8;
    static final Pattern GIVEN = Pattern.compile("^[A-Za-z0-9-]{4,64}$");

    private final SecureRandom random = new SecureRandom();
    private final JoinCodeRepository codes;
    private final Memberships memberships;
    private final Communities communities;
    private final CommunityGate gate;
    private final CommunityJoinService joins;
    private final JoinRequestRepository requests;
    private final JoinLinks links;
    private final Clock clock;

    JoinCodeService(JoinCodeRepository codes, Memberships memberships, Communities communities, CommunityGate gate,
                    CommunityJoinService joins, JoinRequestRepository requests, JoinLinks links, Clock clock) {
        this.codes = codes;
        this.memberships = memberships;
        this.communities = communities;
        this.gate = gate;
        this.joins = joins;
        this.requests = requests;
        this.links = links;
        this.clock = clock;
    }

    /** A code's settings as the operator gives them (Unix seconds), checked against its group. */
    record Settings(@Nullable Integer maxUses, @Nullable Long validFrom, @Nullable Long validUntil,
                    @Nullable Integer membershipDays, boolean requiresApproval) {
    }

    /** What a redeem did: Joined, or Pending with the join request a code that needs approval filed. */
    record Redeemed(String status, UUID groupId, @Nullable UUID joinRequestId) {
    }

    @Transactional
    JoinCode create(UUID spotId, UUID groupId, @Nullable String code, Settings settings) {
        Problems problems = new Problems();
        JoinCodeRepository.Target group = target(spotId, groupId);
        if (code != null && !GIVEN.matcher(code).matches()) {
            problems.add("code", "4 to 64 letters, digits and hyphens");
        }
        check(group, settings, problems);
        problems.throwIfAny();
        if (code != null) {
            return linked(spotId, groupId, codes.insert(spotId, groupId, code.toUpperCase(Locale.ROOT),
                            settings.maxUses(), timestamp(settings.validFrom()), timestamp(settings.validUntil()),
                            settings.membershipDays(), settings.requiresApproval())
                    .orElseThrow(() -> new ConflictException("code", "this Spot has the code " + code + " already")));
        }
        while (true) {
            Optional<JoinCode> made = codes.insert(spotId, groupId, generate(), settings.maxUses(),
                    timestamp(settings.validFrom()), timestamp(settings.validUntil()),
                    settings.membershipDays(), settings.requiresApproval());
            if (made.isPresent()) {
                return linked(spotId, groupId, made.get());
            }
        }
    }

    /** Creates {@code count} single-use codes in one statement, topping up the few texts the Spot had already. */
    @Transactional
    List<JoinCode> generate(UUID spotId, UUID groupId, int count, Settings settings) {
        Problems problems = new Problems();
        check(target(spotId, groupId), settings, problems);
        problems.throwIfAny();
        List<JoinCode> made = new ArrayList<>(count);
        while (made.size() < count) {
            Set<String> texts = new LinkedHashSet<>();
            while (texts.size() < count - made.size()) {
                texts.add(generate());
            }
            made.addAll(codes.insertSingleUse(spotId, groupId, texts.toArray(String[]::new),
                    timestamp(settings.validFrom()), timestamp(settings.validUntil()),
                    settings.membershipDays(), settings.requiresApproval()));
        }
        return linked(spotId, groupId, made);
    }

    ListPage<JoinCode> list(UUID spotId, UUID groupId, ListQuery query) {
        target(spotId, groupId);
        ListPage<JoinCode> page = codes.list(spotId, groupId, query);
        return new ListPage<>(linked(spotId, groupId, page.items()), page.total());
    }

    /** The codes of a community group with their shareable links. */
    private List<JoinCode> linked(UUID spotId, UUID groupId, List<JoinCode> made) {
        Optional<Community> community = communities.find(spotId, groupId);
        return community.isEmpty() ? made
                : made.stream().map(c -> c.withJoinUrl(links.code(community.get(), c.code()))).toList();
    }

    private JoinCode linked(UUID spotId, UUID groupId, JoinCode made) {
        return linked(spotId, groupId, List.of(made)).get(0);
    }

    List<JoinCode> all(UUID spotId, UUID groupId) {
        target(spotId, groupId);
        return codes.all(spotId, groupId);
    }

    @Transactional
    void revoke(UUID spotId, UUID groupId, UUID codeId) {
        target(spotId, groupId);
        if (!codes.revoke(spotId, groupId, codeId)) {
            throw new NotFoundException("Join code");
        }
    }

    /**
     * Joins the code's group: not found for an unknown or revoked code (another Spot's included); a conflict saying
     * why for a used-up, expired or not yet valid code, or a group outside its window or no longer joinable. A member
     * already in the group changes nothing and the use is not counted. A community group's code passes its gate
     * (bans, subscriptions) and, when it requires approval, files a join request instead (a member who has one
     * pending gets it back, the use not counted again).
     */
    @Transactional
    Redeemed redeem(UUID spotId, UUID memberId, String text) {
        JoinCodeRepository.Found code = codes.find(spotId, text.trim().toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new NotFoundException("Join code"));
        JoinCodeRepository.Target group = codes.group(spotId, code.groupId(), true)
                .orElseThrow(() -> new NotFoundException("Join code"));
        if (codes.isMember(spotId, group.id(), memberId)) {
            return new Redeemed("Joined", group.id(), null);
        }
        Optional<Community> community = group.kind().equals("community") ? communities.find(spotId, group.id())
                : Optional.empty();
        if (community.isEmpty() && (!group.kind().equals("static") || group.joinType().equals("closed"))) {
            throw new ConflictException("code", "this group is no longer joined with a code");
        }
        Instant now = clock.instant();
        Instant subscription = community.isEmpty() ? null : gate.admit(community.get(), memberId, now);
        checkWindows(group, code, now);
        if (community.isPresent() && code.requiresApproval()) {
            Optional<UUID> pending = requests.pending(spotId, group.id(), memberId);
            if (pending.isPresent()) {
                return new Redeemed("Pending", group.id(), pending.get());
            }
            use(spotId, code);
            return new Redeemed("Pending", group.id(), joins.request(spotId, group.id(), memberId, List.of(),
                    code.id(), null, now));
        }
        use(spotId, code);
        Instant until = code.membershipDays() == null ? null : now.plus(Duration.ofDays(code.membershipDays()));
        if (subscription != null && (until == null || subscription.isBefore(until))) {
            until = subscription;
        }
        if (!memberships.redeemed(spotId, group.id(), memberId, code.id(), until)) {
            // The same member redeemed at the same moment and got in first: this use is not counted.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        }
        return new Redeemed("Joined", group.id(), null);
    }

    private void use(UUID spotId, JoinCodeRepository.Found code) {
        if (!codes.use(spotId, code.id())) {
            throw new ConflictException("code", "this code is used up");
        }
    }

    private static void checkWindows(JoinCodeRepository.Target group, JoinCodeRepository.Found code, Instant now) {
        if (group.startDate() != null && now.isBefore(group.startDate().toInstant())) {
            throw new ConflictException("code", "this group opens at " + group.startDate().toInstant());
        }
        if (group.stopDate() != null && !now.isBefore(group.stopDate().toInstant())) {
            throw new ConflictException("code", "this group closed at " + group.stopDate().toInstant());
        }
        if (code.validFrom() != null && now.isBefore(code.validFrom().toInstant())) {
            throw new ConflictException("code", "this code is not valid yet: it is valid from "
                    + code.validFrom().toInstant());
        }
        if (code.validUntil() != null && !now.isBefore(code.validUntil().toInstant())) {
            throw new ConflictException("code", "this code expired at " + code.validUntil().toInstant());
        }
    }

    private JoinCodeRepository.Target target(UUID spotId, UUID groupId) {
        return codes.group(spotId, groupId, false).orElseThrow(() -> new NotFoundException("Group"));
    }

    /** Codes join static code or open groups, inside the group's window, and community groups. */
    private static void check(JoinCodeRepository.Target group, Settings settings, Problems problems) {
        if (group.kind().equals("smart")) {
            problems.add("groupId", "a smart group's members come from its rule: it has no join codes");
        } else if (group.kind().equals("static") && group.joinType().equals("closed")) {
            problems.add("joinType", "codes join code or open groups: set the group's joinType to code first");
        }
        if (settings.requiresApproval() && !group.kind().equals("community")) {
            problems.add("requiresApproval", "only community groups take join requests");
        }
        Long from = settings.validFrom();
        Long until = settings.validUntil();
        Long start = seconds(group.startDate());
        Long stop = seconds(group.stopDate());
        if (from != null && until != null && until <= from) {
            problems.add("validUntil", "must be after validFrom (" + from + ")");
        }
        if (start != null && from != null && from < start) {
            problems.add("validFrom", "must lie inside the group's window: not before its startDate (" + start + ")");
        }
        if (stop != null && until != null && until > stop) {
            problems.add("validUntil", "must lie inside the group's window: not after its stopDate (" + stop + ")");
        }
        if (stop != null && from != null && from >= stop) {
            problems.add("validFrom", "must lie inside the group's window: before its stopDate (" + stop + ")");
        }
        if (start != null && until != null && until <= start) {
            problems.add("validUntil", "must lie inside the group's window: after its startDate (" + start + ")");
        }
    }

    private static @Nullable Long seconds(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toEpochSecond();
    }

    private String generate() {
        char[] code = new char[GENERATED_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** Unix seconds as the timestamp the database stores; null stays null. */
    private static @Nullable OffsetDateTime timestamp(@Nullable Long seconds) {
        return seconds == null ? null : utc(Instant.ofEpochSecond(seconds));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
