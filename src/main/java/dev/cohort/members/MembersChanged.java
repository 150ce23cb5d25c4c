package dev.cohort.members;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Member fields that rules can read have changed. Published inside the changing transaction, so that smart groups
 * are corrected (and access follows) in the same request.
 *
 * @param memberIds the members concerned; null when every member of the Spot may be (a tag renamed or deleted, a
 *                  custom property or role deleted)
 * @param fields    the rule fields that changed ("role", "tags", "customProperty:plan", ...); null when any may have
 *                  (a member created or imported)
 * @param fresh     whether every member named was created by the publishing transaction: no other transaction can
 *                  see them yet and they are in no group, so smart groups neither lock them nor read their
 *                  memberships
 */
public record MembersChanged(UUID spotId, List<UUID> memberIds, Set<String> fields, boolean fresh) {

    public MembersChanged(UUID spotId, List<UUID> memberIds, Set<String> fields) {
        this(spotId, memberIds, fields, false);
    }

    /** New members, created by the publishing transaction: every rule concerns them. */
    public static MembersChanged created(UUID spotId, Collection<UUID> memberIds) {
        return new MembersChanged(spotId, List.copyOf(memberIds), null, true);
    }

    /** Existing members any of whose fields may have changed (an import's updated rows): every rule concerns them. */
    public static MembersChanged rewritten(UUID spotId, Collection<UUID> memberIds) {
        return new MembersChanged(spotId, List.copyOf(memberIds), null, false);
    }

    public static MembersChanged of(UUID spotId, Collection<UUID> memberIds, String... fields) {
        return new MembersChanged(spotId, List.copyOf(memberIds), Set.of(fields));
    }

    /** Every member of the Spot, for the given fields. */
    public static MembersChanged everyone(UUID spotId, String... fields) {
        return new MembersChanged(spotId, null, Set.of(fields));
    }

    /** The rule field of a custom property. */
    public static String property(String slug) {
        return "customProperty:" + slug;
    }
}
