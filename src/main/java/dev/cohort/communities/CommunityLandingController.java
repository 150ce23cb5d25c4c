package dev.cohort.communities;

import dev.cohort.errors.GoneException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.groups.Group;
import dev.cohort.groups.GroupService;
import dev.cohort.spots.Caller;
import dev.cohort.web.Errors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A community group's join page data, found by the slug of its join URL (SPEC rule 19), with a member token. */
@RestController
@Tag(name = "Me (member token)")
class CommunityLandingController {
    private final SlugRepository slugs;
    private final CommunityRepository communities;
    private final GroupService groups;

    CommunityLandingController(SlugRepository slugs, CommunityRepository communities, GroupService groups) {
        this.slugs = slugs;
        this.communities = communities;
        this.groups = groups;
    }

    @GetMapping("/v1/me/groups/bySlug/{slug}")
    @Operation(operationId = "getGroupBySlug", summary = "Find a community group by its join URL's slug",
            description = "What the join page at joinUrl shows any member of the Spot: name, description, "
                    + "branding, theme, membership questions, joinPolicy, access, and whether I am a member. 410 "
                    + "(\"this link is no longer active\") for a slug the group had before its one change; 404 for a "
                    + "slug the Spot never had, or whose group was deleted.")
    @Errors(410)
    CommunityLanding bySlug(Caller caller, @PathVariable String slug) {
        SlugRepository.Resolved resolved = slugs.resolve(caller.spotId(), slug)
                .orElseThrow(() -> new NotFoundException("Community group with slug '" + slug + "'"));
        Group group = groups.find(caller.spotId(), resolved.groupId())
                .orElseThrow(() -> new NotFoundException("Community group with slug '" + slug + "'"));
        if (resolved.retired()) {
            throw new GoneException("this link is no longer active: the group's join URL changed");
        }
        return CommunityLanding.of(group, communities.standing(caller.spotId(), group.id(), caller.memberId())
                .member());
    }
}
