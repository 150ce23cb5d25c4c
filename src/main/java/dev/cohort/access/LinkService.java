package dev.cohort.access;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.groups.GroupService;
import dev.cohort.resources.ResourceService;
import dev.cohort.resources.ResourceType;
import dev.cohort.web.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links groups to resources (rules 6, 9, 11): linking invites the group's members, unlinking revokes. */
@Service
class LinkService {
    private static final Logger log = LoggerFactory.getLogger(LinkService.class);

    private final LinkRepository links;
    private final Grants grants;
    private final GroupService groups;
    private final StatisticsRefresher statistics;
    private final ResourceService resources;

    LinkService(LinkRepository links, Grants grants, GroupService groups, StatisticsRefresher statistics,
                ResourceService resources) {
        this.resources = resources;
        this.links = links;
        this.grants = grants;
        this.groups = groups;
        this.statistics = statistics;
    }

    void requireResource(UUID spotId, ResourceType type, UUID resourceId) {
        resources.require(spotId, type, resourceId);
    }

    /**
     * Links groups; each newly linked group's members are invited (notification, and email when the switch is
     * on). A group linked already keeps its members as they are and takes the new switch.
     */
    @Transactional
    void link(UUID spotId, ResourceType type, UUID resourceId, List<String> groupIds, boolean withEmail) {
        requireResource(spotId, type, resourceId);
        for (UUID groupId : liveGroups(spotId, groupIds)) {
            groups.lockForLinking(spotId, groupId);
            if (links.insert(spotId, resourceId, groupId, withEmail)) {
                GrantRepository.Granted granted = grants.grant(spotId, Pairs.linkMembers(groupId, resourceId),
                        Source.GROUP, true, null);
                statistics.touched(granted.invited());
                log.info("Spot {}: linked group {} to {} {}: {} invited, {} emails queued", spotId, groupId,
                        type.code(), resourceId, granted.invited(), granted.emailed());
            } else {
                links.setSwitch(spotId, resourceId, groupId, withEmail);
            }
        }
    }

    /** Unlinks groups: their members lose what only that link gave them (rule 9). Unlinked ids are ignored. */
    @Transactional
    void unlink(UUID spotId, ResourceType type, UUID resourceId, List<String> groupIds) {
        requireResource(spotId, type, resourceId);
        Set<UUID> ids = parse(groupIds);
        Set<UUID> live = groups.existing(spotId, ids);
        for (UUID groupId : ids) {
            if (live.contains(groupId)) {
                groups.lockForLinking(spotId, groupId);
                GrantRepository.Revoked revoked = grants.revoke(spotId, Pairs.linkMembers(groupId, resourceId),
                        Source.GROUP);
                statistics.touched(revoked.sourcesRemoved());
                log.info("Spot {}: unlinked group {} from {} {}: {} participants removed", spotId, groupId,
                        type.code(), resourceId, revoked.participantsRemoved());
            }
            links.delete(spotId, resourceId, groupId);
        }
    }

    List<LinkRepository.Link> links(UUID spotId, ResourceType type, UUID resourceId) {
        requireResource(spotId, type, resourceId);
        return links.links(spotId, resourceId);
    }

    @Transactional
    LinkRepository.Link setSwitch(UUID spotId, ResourceType type, UUID resourceId, UUID groupId, boolean withEmail) {
        requireResource(spotId, type, resourceId);
        if (!links.setSwitch(spotId, resourceId, groupId, withEmail)) {
            throw new NotFoundException("Group link");
        }
        return links.link(spotId, resourceId, groupId).orElseThrow(() -> new NotFoundException("Group link"));
    }

    /** The distinct ids, in a fixed order (so that concurrent calls lock groups alike), all live groups. */
    private Set<UUID> liveGroups(UUID spotId, List<String> texts) {
        Set<UUID> ids = parse(texts);
        Set<UUID> live = groups.existing(spotId, ids);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            UUID id = Ids.parse(texts.get(i));
            if (id != null && !live.contains(id)) {
                problems.add(new FieldProblem("groupIds[" + i + "]", "unknown group"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return ids;
    }

    private static Set<UUID> parse(List<String> texts) {
        return new TreeSet<>(Ids.parseAll("groupIds", texts));
    }
}
