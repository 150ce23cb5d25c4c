package dev.cohort.communities;

import dev.cohort.errors.ConflictException;
import dev.cohort.groups.CommunityFields;
import dev.cohort.groups.CommunityInput;
import dev.cohort.groups.GroupCommunities;
import dev.cohort.system.Settings;
import dev.cohort.web.Problems;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The community side of groups, as groups asks for it ({@link GroupCommunities}): a community group's row, slug and
 * settings, the owner's role, the fields every Group answer shows, and the owner's protection.
 */
@Component
class CommunityGroups implements GroupCommunities {
    private final CommunityRepository communities;
    private final CommunitySlugs slugs;
    private final String publicUrl;

    CommunityGroups(CommunityRepository communities, CommunitySlugs slugs, Settings settings) {
        this.communities = communities;
        this.slugs = slugs;
        this.publicUrl = settings.publicUrl();
    }

    @Override
    public void check(UUID spotId, @Nullable UUID groupId, CommunityInput input, Problems problems) {
        CommunityChecks.check(input, problems);
    }

    @Override
    public void create(UUID spotId, UUID groupId, String name, UUID ownerId, CommunityInput input) {
        communities.insert(spotId, groupId, ownerId, Slugs.of(name), columns(input));
        slugs.claimFirst(spotId, groupId, Slugs.of(name));
        communities.setRole(spotId, groupId, ownerId, GroupRole.OWNER.value());
    }

    @Override
    public boolean update(UUID spotId, UUID groupId, CommunityInput input) {
        boolean slugChanged = input.slug() != null && slugs.change(spotId, groupId, input.slug());
        return communities.update(spotId, groupId, columns(input)) || slugChanged;
    }

    @Override
    public Map<UUID, CommunityFields> fields(UUID spotId, Collection<UUID> groupIds) {
        return communities.fields(spotId, groupIds, this::joinUrl);
    }

    @Override
    public void requireOwnerStays(UUID spotId, UUID groupId, Collection<UUID> memberIds) {
        communities.owner(spotId, groupId).filter(memberIds::contains).ifPresent(owner -> {
            throw new ConflictException("spotMemberIds", "the owner of a community group (" + owner + ") can "
                    + "never be removed from it; nothing was changed");
        });
    }

    @Override
    public void requireOwnerPermanent(UUID spotId, UUID groupId, Collection<UUID> memberIds) {
        communities.owner(spotId, groupId).filter(memberIds::contains).ifPresent(owner -> {
            throw new ConflictException("validUntil", "the owner of a community group (" + owner + ") is a member "
                    + "for good: their membership cannot end; nothing was changed");
        });
    }

    /** {@code COHORT_PUBLIC_URL/join/{spotId}/{slug}}: where the host platform shows the group's join page. */
    String joinUrl(UUID spotId, String slug) {
        return publicUrl + "/join/" + spotId + "/" + slug;
    }

    /** The settings columns an input sets (the slug aside). */
    private static Map<String, Object> columns(CommunityInput input) {
        Map<String, Object> columns = new LinkedHashMap<>();
        if (input.joinPolicy() != null) {
            columns.put("join_policy", input.joinPolicy());
        }
        if (input.membershipQuestions() != null) {
            columns.put("membership_questions", CommunityJson.questions(input.membershipQuestions()));
        }
        if (input.branding() != null) {
            columns.put("branding", CommunityJson.branding(input.branding()));
        }
        if (input.theme() != null) {
            columns.put("theme", CommunityJson.theme(input.theme()));
        }
        if (input.access() != null) {
            columns.put("access", input.access());
        }
        if (input.promoLinks() != null) {
            columns.put("promo_links", CommunityJson.links(input.promoLinks()));
        }
        if (input.reportsEnabled() != null) {
            columns.put("reports_enabled", input.reportsEnabled());
        }
        return columns;
    }
}
