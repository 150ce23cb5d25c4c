package dev.cohort.access;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.TooLargeException;
import dev.cohort.web.JsonBody;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/** What every resource controller does, for one type: list, get, create, bulk create, update, delete. */
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
    record BulkCreateResult<V>(List<V> created, List<JsonNode> failed) {
    }

    ListPage<V> list(UUID spotId, MultiValueMap<String, String> query) {
        ListPage<Resource> page = resources.list(spotId, fields.type(), ListQuery.read(query, fields.filters()));
        return new ListPage<>(page.items().stream().map(fields::view).toList(), page.total());
    }

    V get(UUID spotId, UUID id) {
        return fields.view(resources.require(spotId, fields.type(), id));
    }

    V create(UUID spotId, JsonNode body) {
        SettingsReader reader = new SettingsReader(JsonBody.of(body), true);
        String name = read(spotId, reader);
        reader.json().validate();
        return fields.view(resources.create(spotId, fields.type(), name, reader.settings()));
    }

    BulkCreateResult<V> bulkCreate(UUID spotId, JsonNode body) {
        List<JsonNode> items = JsonBody.array(body);
        TooLargeException.check("body", bulkLimit, items);
        List<V> created = new ArrayList<>();
        List<JsonNode> failed = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isObject()) {
                failed.add(item);
                continue;
            }
            SettingsReader reader = new SettingsReader(JsonBody.of(item), true);
            String name = read(spotId, reader);
            if (!reader.json().valid()) {
                failed.add(item);
                continue;
            }
            created.add(fields.view(resources.create(spotId, fields.type(), name, reader.settings())));
        }
        return new BulkCreateResult<>(created, failed);
    }

    V update(UUID spotId, UUID id, JsonNode body) {
        SettingsReader reader = new SettingsReader(JsonBody.of(body), false);
        String name = fields.read(reader);
        fields.verify(spotId, reader);
        reader.json().validate();
        return fields.view(resources.update(spotId, fields.type(), id, name, reader.settings()));
    }

    void delete(UUID spotId, UUID id) {
        resources.delete(spotId, fields.type(), id);
    }

    /** Reads a creation body, with the rules over the whole settings, so that every problem is reported at once. */
    private String read(UUID spotId, SettingsReader reader) {
        String name = fields.read(reader);
        fields.verify(spotId, reader);
        for (FieldProblem problem : ResourceRules.problems(fields.type(), reader.settings())) {
            reader.json().problem(problem.field(), problem.message());
        }
        return name;
    }
}
