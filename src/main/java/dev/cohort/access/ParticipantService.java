package dev.cohort.access;

import dev.cohort.errors.InvalidInputException;
import dev.cohort.members.MemberService;
import dev.cohort.resources.ResourceType;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Direct invitations and removals on a resource, self-enrolment, and the participant lists with their sources. */
@Service
public class ParticipantService {
    private final ParticipantRepository participants;
    private final Grants grants;
    private final LinkService links;
    private final MemberService members;
    private final StatisticsRefresher statistics;
    private final ApplicationEventPublisher events;

    ParticipantService(ParticipantRepository participants, Grants grants, LinkService links,
                       MemberService members, StatisticsRefresher statistics, ApplicationEventPublisher events) {
        this.events = events;
        this.participants = participants;
        this.grants = grants;
        this.links = links;
        this.members = members;
        this.statistics = statistics;
    }

    /** The participants now on the resource among those asked, and how many were invited by this call. */
    record Invited(List<ParticipantRow> participants, int newlyInvited) {
    }

    /**
     * Invites members directly. Those already Invited, Started or Completed (by any source) get no second
     * notification or email (rule 12); they gain the direct source. An Unenrolled course participant is
     * enrolled again (rule 14): Invited, notified, and {@link ParticipantsReenrolled} is published.
     */
    @Transactional
    Invited invite(UUID spotId, ResourceType type, UUID resourceId, List<UUID> memberIds, List<String> emails,
                   boolean withEmail, UUID invitedBy) {
        links.requireResource(spotId, type, resourceId);
        if (invitedBy != null && members.existing(spotId, List.of(invitedBy)).isEmpty()) {
            throw new InvalidInputException("invitedBySpotMemberId", "is not a member of this Spot");
        }
        List<UUID> all = new ArrayList<>(List.of(members.requireMembers(spotId, memberIds, "spotMemberIds")));
        for (String email : emails) {
            all.add(members.memberForEmail(spotId, email));
        }
        UUID[] ids = all.stream().distinct().toArray(UUID[]::new);
        GrantRepository.Granted granted = grants.grant(spotId, Pairs.direct(resourceId, ids, withEmail),
                Source.DIRECT, true, invitedBy, true);
        reenrolled(spotId, resourceId, granted);
        statistics.touched(granted.invited());
        return new Invited(participants.byMembers(spotId, resourceId, ids), granted.invited());
    }

    /**
     * A member enrols themselves in a course (the caller checked that they may): the self-enrolment source is added,
     * without notification or email; an Unenrolled participant is enrolled again.
     *
     * @return true when the member was not an active participant before (newly enrolled or re-enrolled)
     */
    @Transactional
    public boolean enrolSelf(UUID spotId, UUID courseId, UUID memberId) {
        GrantRepository.Granted granted = grants.grant(spotId,
                Pairs.direct(courseId, new UUID[] {memberId}, false), Source.SELF, false, null, true);
        reenrolled(spotId, courseId, granted);
        return granted.invited() > 0;
    }

    private void reenrolled(UUID spotId, UUID resourceId, GrantRepository.Granted granted) {
        if (!granted.reenrolled().isEmpty()) {
            events.publishEvent(new ParticipantsReenrolled(spotId, resourceId, granted.reenrolled()));
        }
    }

    /** Takes away the direct source only; participants held by a group or self-enrolment stay (rule 8). */
    @Transactional
    GrantRepository.Revoked removeDirect(UUID spotId, ResourceType type, UUID resourceId, List<UUID> memberIds) {
        links.requireResource(spotId, type, resourceId);
        UUID[] ids = members.requireMembers(spotId, memberIds, "spotMemberIds");
        return grants.revoke(spotId, Pairs.direct(resourceId, ids, false), Source.DIRECT);
    }

    ListPage<ParticipantRow> list(UUID spotId, ResourceType type, UUID resourceId, ListQuery query) {
        links.requireResource(spotId, type, resourceId);
        return participants.page(spotId, resourceId, query);
    }

    ListPage<ParticipantRepository.ResourceMember> members(UUID spotId, ResourceType type, UUID resourceId,
                                                           ListQuery query) {
        links.requireResource(spotId, type, resourceId);
        return participants.members(spotId, resourceId, query);
    }

    java.util.Optional<ParticipantRow> get(UUID spotId, ResourceType type, UUID resourceId, UUID participantId) {
        links.requireResource(spotId, type, resourceId);
        return participants.byId(spotId, resourceId, participantId);
    }

    /** The subset of ids that are members of the Spot (for bulk adds that report failures). */
    Set<UUID> existingMembers(UUID spotId, List<UUID> ids) {
        return members.existing(spotId, ids);
    }
}
