package dev.cohort.members;

import static dev.cohort.web.Filters.Op.contains;
import static dev.cohort.web.Filters.Op.eq;
import static dev.cohort.web.Filters.Op.in;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.MultiValueMap;

/** The tags of a Spot, in their order, and their assignment to members. Names are unique case-insensitively. */
@Service
class TagService {
    /** {@code name[eq]} and {@code name[in]} compare case-insensitively, as names are unique that way. */
    static final Filters.Spec FILTERS = Filters.spec().email("name", "t.name", eq, in, contains);

    private final TagRepository tags;
    private final MemberService members;
    private final ApplicationEventPublisher events;

    TagService(TagRepository tags, MemberService members, ApplicationEventPublisher events) {
        this.tags = tags;
        this.members = members;
        this.events = events;
    }

    /** A tag to create, as read from a request. */
    record NewTag(String name, String emoji) {
    }

    @Transactional
    Tag create(UUID spotId, NewTag tag) {
        tags.lockPositions(spotId);
        try {
            return tags.insert(spotId, tag.name(), tag.emoji());
        } catch (DuplicateKeyException e) {
            throw duplicate(tag.name());
        }
    }

    /**
     * Creates the tags whose names are free, at the next positions in the given order; names must be distinct
     * case-insensitively. Returns those created; the others were taken.
     */
    @Transactional
    List<Tag> createAll(UUID spotId, List<NewTag> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        tags.lockPositions(spotId);
        return tags.insertAll(spotId, batch.stream().map(NewTag::name).toList(),
                batch.stream().map(NewTag::emoji).toList());
    }

    Tag get(UUID spotId, UUID id) {
        return tags.find(spotId, id).orElseThrow(() -> new NotFoundException("Tag"));
    }

    ListPage<Tag> list(UUID spotId, MultiValueMap<String, String> query) {
        ListQuery list = ListQuery.read(query, FILTERS);
        return tags.page(spotId, list.where(), list.params(), list.paging());
    }

    /** Updates the given columns ({@code name}, {@code emoji}), already validated. */
    @Transactional
    Tag update(UUID spotId, UUID id, Map<String, Object> columns) {
        Tag before = get(spotId, id);
        try {
            if (!tags.update(spotId, id, columns)) {
                throw new NotFoundException("Tag");
            }
        } catch (DuplicateKeyException e) {
            throw duplicate(String.valueOf(columns.get("name")));
        }
        if (columns.containsKey("name") && !before.name().equals(columns.get("name"))) {
            // Rules may name tags: a new name can change which tag they mean.
            events.publishEvent(MembersChanged.everyone(spotId, "tags"));
        }
        return get(spotId, id);
    }

    @Transactional
    void delete(UUID spotId, UUID id) {
        if (!tags.delete(spotId, id)) {
            throw new NotFoundException("Tag");
        }
        events.publishEvent(MembersChanged.everyone(spotId, "tags"));
    }

    /**
     * Tags the members; members who have it already are left as they are. Every id must be a member of the Spot,
     * else nothing changes and each other id (null where the request held no UUID) is reported as {@code field[i]}.
     */
    @Transactional
    void assign(UUID spotId, UUID tagId, List<UUID> memberIds, String field) {
        requireTag(spotId, tagId);
        UUID[] ids = members.requireMembers(spotId, memberIds, field);
        tags.assign(spotId, tagId, ids);
        events.publishEvent(MembersChanged.of(spotId, List.of(ids), "tags"));
    }

    /** Untags the members; members without the tag are left as they are. Same id rules as {@link #assign}. */
    @Transactional
    void unassign(UUID spotId, UUID tagId, List<UUID> memberIds, String field) {
        requireTag(spotId, tagId);
        UUID[] ids = members.requireMembers(spotId, memberIds, field);
        tags.unassign(spotId, tagId, ids);
        events.publishEvent(MembersChanged.of(spotId, List.of(ids), "tags"));
    }

    ListPage<SpotMember> members(UUID spotId, UUID tagId, MultiValueMap<String, String> query) {
        ListQuery list = MemberFilters.read(query);
        get(spotId, tagId);
        return tags.members(spotId, tagId, list.where(), list.params(), list.paging());
    }

    private void requireTag(UUID spotId, UUID tagId) {
        if (!tags.lockShared(spotId, tagId)) {
            throw new NotFoundException("Tag");
        }
    }

    private static ConflictException duplicate(String name) {
        return new ConflictException("name", "A tag named '" + name + "' already exists");
    }
}
