package dev.cohort.members;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.JsonBody;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A member's custom property values, as MeltingSpot's {@code /customPropertiesValues} endpoints. */
@RestController
@RequestMapping("/v1/spotMembers/{spotMemberId}/customPropertiesValues")
@Tag(name = "Spot members")
class PropertyValueController {
    private static final String VALUE_TYPES = "Text: a string; SingleSelect: a string among possibleValues; "
            + "MultipleSelect: an array of strings among possibleValues; Boolean: true or false; Number: a JSON number; "
            + "Date: Unix seconds or an ISO-8601 date or date-time string, stored and returned as Unix seconds.";

    private final CustomPropertyService properties;
    private final Settings settings;

    PropertyValueController(CustomPropertyService properties, Settings settings) {
        this.properties = properties;
        this.settings = settings;
    }

    @GetMapping
    @Operation(operationId = "listMemberPropertyValues", summary = "List a member's custom property values",
            description = "One item per custom property of the Spot, in the order they were created; value is null "
                    + "when the member has none.")
    ListPage<CustomPropertyValue> list(Caller caller, @PathVariable UUID spotMemberId,
                                       @RequestParam MultiValueMap<String, String> query) {
        return properties.values(caller.spotId(), spotMemberId, Paging.from(query));
    }

    @PutMapping("/{customPropertySlug}")
    @Operation(operationId = "setMemberPropertyValue", summary = "Set one custom property value of a member",
            description = "Body {value}, required; null clears the value. " + VALUE_TYPES
                    + " 404 for an unknown member or custom property.")
    CustomPropertyValue set(Caller caller, @PathVariable UUID spotMemberId, @PathVariable String customPropertySlug,
                            @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        if (!json.has("value")) {
            json.problem("value", "is required (null clears the value)");
        }
        json.validate();
        return properties.set(caller.spotId(), spotMemberId, customPropertySlug, json.node().get("value"));
    }

    @PostMapping
    @Operation(operationId = "setMemberPropertyValues",
            summary = "Set several custom property values of a member, all or nothing",
            description = "Body: an array of {customPropertySlug, value}; value null clears. " + VALUE_TYPES
                    + " Any bad item (unknown or repeated slug, bad value) is a 400 naming [i].field, and nothing "
                    + "changes. Answers the values written as {items, total}. 413 over the bulk limit.")
    ListPage<CustomPropertyValue> setAll(Caller caller, @PathVariable UUID spotMemberId,
                                         @RequestBody(required = false) JsonNode body) {
        List<JsonNode> items = JsonBody.array(body);
        TooLargeException.check("body", settings.bulkLimit(), items);
        List<CustomPropertyService.Assignment> assignments = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                problems.add(new FieldProblem("[" + i + "]", "must be an object "
                        + "{customPropertySlug, value}"));
                continue;
            }
            JsonBody json = JsonBody.of(item).nested(item, "[" + i + "]");
            String slug = json.requiredText("customPropertySlug");
            if (!json.has("value")) {
                json.problem("value", "is required (null clears the value)");
            }
            problems.addAll(json.problems());
            assignments.add(new CustomPropertyService.Assignment(slug, item.get("value")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<CustomPropertyValue> written = properties.setAll(caller.spotId(), spotMemberId, assignments);
        return new ListPage<>(written, written.size());
    }
}
