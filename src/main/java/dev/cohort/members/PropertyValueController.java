package dev.cohort.members;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.spots.Caller;
import dev.cohort.system.Settings;
import dev.cohort.web.Body;
import dev.cohort.web.BodyReader;
import dev.cohort.web.Errors;
import dev.cohort.web.ListPage;
import dev.cohort.web.Filtered;
import dev.cohort.web.Filters;
import dev.cohort.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    /** The list takes no filters: only page and limit (any other parameter is a 400). */
    private static final Filters.Spec PAGING = Filters.spec();

    private final CustomPropertyService properties;
    private final Settings settings;

    PropertyValueController(CustomPropertyService properties, Settings settings) {
        this.properties = properties;
        this.settings = settings;
    }

    @GetMapping
    @Filtered(value = PropertyValueController.class, member = "PAGING")
    @Operation(operationId = "listMemberPropertyValues", summary = "List a member's custom property values",
            description = "One item per custom property of the Spot, in the order they were created; value is null "
                    + "when the member has none. No filters: page and limit only.")
    ListPage<CustomPropertyValue> list(Caller caller, @PathVariable UUID spotMemberId,
                                       @RequestParam MultiValueMap<String, String> query) {
        return properties.values(caller.spotId(), spotMemberId, ListQuery.read(query, PAGING).paging());
    }

    @Body
    @Schema(description = "A member's value of one custom property")
    record PropertyValueToSet(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "number", "boolean", "array"},
                    example = "ACME", description = "Required; null "
                    + "clears the value. " + VALUE_TYPES) Optional<JsonNode> value) {
    }

    @Body
    @Schema(description = "One value of a multiple update")
    record PropertyValueItem(
            @NotBlank @Schema(example = "company", description = "The custom property's slug")
            String customPropertySlug,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, types = {"string", "number", "boolean", "array"},
                    example = "ACME", description = "Required; null "
                    + "clears the value. " + VALUE_TYPES) Optional<JsonNode> value) {
    }

    @PutMapping("/{customPropertySlug}")
    @Operation(operationId = "setMemberPropertyValue", summary = "Set one custom property value of a member",
            description = "Body {value}, required; null clears the value. " + VALUE_TYPES
                    + " 404 for an unknown member or custom property.")
    CustomPropertyValue set(Caller caller, @PathVariable UUID spotMemberId, @PathVariable String customPropertySlug,
                            @RequestBody PropertyValueToSet body) {
        return properties.set(caller.spotId(), spotMemberId, customPropertySlug, body.value().orElse(null));
    }

    @PostMapping
    @Operation(operationId = "setMemberPropertyValues",
            summary = "Set several custom property values of a member, all or nothing",
            description = "Body: an array of {customPropertySlug, value}; value null clears. " + VALUE_TYPES
                    + " Any bad item (unknown or repeated slug, bad value) is a 400 naming [i].field, and nothing "
                    + "changes. Answers the values written as {items, total}. 413 over the bulk limit.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    array = @ArraySchema(schema = @Schema(implementation = PropertyValueItem.class)))))
    @Errors(413)
    ListPage<CustomPropertyValue> setAll(Caller caller, @PathVariable UUID spotMemberId,
                                         @RequestBody List<JsonNode> items) {
        TooLargeException.check("body", settings.bulkLimit(), items);
        List<CustomPropertyService.Assignment> assignments = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                PropertyValueItem item = BodyReader.read(items.get(i), PropertyValueItem.class);
                assignments.add(new CustomPropertyService.Assignment(item.customPropertySlug(),
                        item.value().orElse(null)));
            } catch (InvalidInputException e) {
                for (FieldProblem p : e.problems()) {
                    // The item itself ("body" to the reader) is [i]; its fields are [i].field.
                    problems.add(p.field().equals("body") ? new FieldProblem("[" + i + "]", p.message())
                            : new FieldProblem("[" + i + "]." + p.field(), p.message()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<CustomPropertyValue> written = properties.setAll(caller.spotId(), spotMemberId, assignments);
        return new ListPage<>(written, written.size());
    }
}
