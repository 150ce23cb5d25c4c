package dev.cohort.resources;

import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.web.BodyReader;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import dev.cohort.web.Problems;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What every resource controller does, for one type: list, get, create, bulk create, update, delete. A body is read
 * as its typed record, then kept as settings: creating, absent fields take their defaults; updating, only the fields
 * given are written ({@code null} clears the ones that may be cleared).
 */
final class ResourceEndpoints<V> {
    private final ResourceFields<V> fields;
    private final ResourceService resources;
    private final int bulkLimit;

    ResourceEndpoints(ResourceFields<V> fields, ResourceService resources, int bulkLimit) {
        this.fields = fields;
        this.resources = resources;
        this.bulkLimit = bulkLimit;
    }

    /** The {@code ~bulkCreate} answer: what was created, and the items that were not, as they were sent. */
    record BulkCreateResult<V>(List<V> created,
                               @Schema(description = "The items that were not created, as they were sent")
                               List<JsonNode> failed) {
    }

    /** A body as the resource keeps it: its name (null when an update leaves it) and its settings. */
    private record Draft(String name, ObjectNode settings, Problems problems) {
    }

    ListPage<V> list(UUID spotId, MultiValueMap<String, String> query) {
        ListPage<Resource> page = resources.list(spotId, fields.type(), ListQuery.read(query, fields.filters()));
        return new ListPage<>(page.items().stream().map(fields::view).toList(), page.total());
    }

    V get(UUID spotId, UUID id) {
        return fields.view(resources.require(spotId, fields.type(), id));
    }

    V create(UUID spotId, Record body) {
        Draft draft = draft(spotId, body, true);
        draft.problems().throwIfAny();
        return fields.view(resources.create(spotId, fields.type(), draft.name(), draft.settings()));
    }

    /** Each item read as {@code type} on its own: an item that is not a valid body goes to {@code failed}. */
    BulkCreateResult<V> bulkCreate(UUID spotId, List<JsonNode> items, Class<? extends Record> type) {
        TooLargeException.check("body", bulkLimit, items);
        List<V> created = new ArrayList<>();
        List<JsonNode> failed = new ArrayList<>();
        for (JsonNode item : items) {
            Draft draft;
            try {
                draft = draft(spotId, BodyReader.read(item, type), true);
            } catch (InvalidInputException e) {
                failed.add(item);
                continue;
            }
            if (!draft.problems().isEmpty()) {
                failed.add(item);
                continue;
            }
            created.add(fields.view(resources.create(spotId, fields.type(), draft.name(), draft.settings())));
        }
        return new BulkCreateResult<>(created, failed);
    }

    V update(UUID spotId, UUID id, Record body) {
        Draft draft = draft(spotId, body, false);
        draft.problems().throwIfAny();
        return fields.view(resources.update(spotId, fields.type(), id, draft.name(), draft.settings()));
    }

    void delete(UUID spotId, UUID id) {
        resources.delete(spotId, fields.type(), id);
    }

    /**
     * The body's name and settings: creating, the defaults with the given fields over them, checked as a whole so
     * that every problem is reported at once; updating, the given fields only (the service checks them merged).
     */
    private Draft draft(UUID spotId, Record body, boolean creating) {
        ObjectNode given = BodyReader.tree(body);
        JsonNode name = given.remove(fields.nameField());
        Problems problems = new Problems();
        fields.prepare(spotId, given, problems);
        ObjectNode settings = given;
        if (creating) {
            settings = fields.defaults().deepCopy();
            settings.setAll(given);
            problems.addAll(ResourceRules.problems(fields.type(), settings));
        }
        return new Draft(name == null ? null : name.asString(), settings, problems);
    }
}
