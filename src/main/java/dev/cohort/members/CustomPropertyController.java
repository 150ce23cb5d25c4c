package dev.cohort.members;

import dev.cohort.spots.Caller;
import dev.cohort.web.JsonBody;
import dev.cohort.web.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Custom property definitions: Cohort's own endpoints (MeltingSpot documents only the per-member values). */
@RestController
@RequestMapping("/v1/customProperties")
@Tag(name = "Custom properties")
class CustomPropertyController {
    static final int LABEL_MAX = 255;
    static final int OPTION_MAX = 255;

    private final CustomPropertyService properties;

    CustomPropertyController(CustomPropertyService properties) {
        this.properties = properties;
    }

    @GetMapping
    @Operation(operationId = "listCustomProperties",
            summary = "List custom property definitions, in the order they were created",
            description = "Filters: slug[eq], label[eq], label[contains], type[eq], type[in].")
    ListPage<CustomProperty> list(Caller caller, @RequestParam MultiValueMap<String, String> query) {
        return properties.list(caller.spotId(), query);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCustomProperty", summary = "Create a custom property",
            description = "label and type (Text, SingleSelect, MultipleSelect, Boolean, Number, Date) are required; "
                    + "possibleValues is required (non-empty) for the select types and refused for the others. slug "
                    + "(^[a-z0-9][a-z0-9_-]{0,62}$) is derived from the label when absent; a slug already used in the "
                    + "Spot is a 409. The import's column names (email, firstname, lastname, role, status, tags) are "
                    + "reserved.")
    CustomProperty create(Caller caller, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        String label = label(json, true);
        String type = json.oneOf("type", CustomProperty.TYPES);
        if (!json.has("type") || json.node().get("type").isNull()) {
            json.problem("type", "is required, one of " + CustomProperty.TYPES);
        }
        String slug = json.has("slug") && !json.node().get("slug").isNull() ? slug(json)
                : label == null ? null : derivedSlug(json, label);
        String description = json.text("description");
        List<String> values = possibleValues(json);
        if (type != null && isSelect(type) && (values == null || values.isEmpty())) {
            json.problem("possibleValues", "is required and must not be empty for a " + type + " property");
        }
        if (type != null && !isSelect(type) && values != null && !values.isEmpty()) {
            json.problem("possibleValues", "only SingleSelect and MultipleSelect properties have possible values");
        }
        json.validate();
        return properties.create(caller.spotId(), new CustomPropertyService.Definition(slug, label, description,
                true, type, values == null ? List.of() : values));
    }

    @GetMapping("/{customPropertyId}")
    @Operation(operationId = "getCustomProperty", summary = "Get a custom property",
            description = "404 when it does not exist in the caller's Spot.")
    CustomProperty get(Caller caller, @PathVariable UUID customPropertyId) {
        return properties.get(caller.spotId(), customPropertyId);
    }

    @PutMapping("/{customPropertyId}")
    @Operation(operationId = "updateCustomProperty", summary = "Update a custom property",
            description = "label, description (null clears) and possibleValues, each optional. type and slug cannot "
                    + "change (400). Removing a possible value removes it from members' values: a SingleSelect value "
                    + "using it is cleared, a MultipleSelect value loses it.")
    CustomProperty update(Caller caller, @PathVariable UUID customPropertyId,
                          @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        String label = label(json, false);
        String type = json.has("type") ? json.text("type") : null;
        String slug = json.has("slug") ? json.text("slug") : null;
        String description = json.text("description");
        List<String> values = possibleValues(json);
        if (json.has("possibleValues") && values == null && json.valid()) {
            json.problem("possibleValues", "must be an array of strings");
        }
        json.validate();
        return properties.update(caller.spotId(), customPropertyId, new CustomPropertyService.Definition(slug, label,
                description, json.has("description"), type, values));
    }

    @DeleteMapping("/{customPropertyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteCustomProperty",
            summary = "Delete a custom property and every member's value of it",
            description = "Smart group rules that read it then match no member through it.")
    void delete(Caller caller, @PathVariable UUID customPropertyId) {
        properties.delete(caller.spotId(), customPropertyId);
    }

    private static boolean isSelect(String type) {
        return type.equals(CustomProperty.SINGLE_SELECT) || type.equals(CustomProperty.MULTIPLE_SELECT);
    }

    private static String label(JsonBody json, boolean required) {
        String label = required ? json.requiredText("label") : json.nonBlankIfPresent("label");
        if (label != null && label.length() > LABEL_MAX) {
            json.problem("label", "must be at most " + LABEL_MAX + " characters");
        }
        return label;
    }

    private static String slug(JsonBody json) {
        String slug = json.text("slug");
        if (slug != null && !CustomProperty.SLUG.matcher(slug).matches()) {
            json.problem("slug", "must match ^[a-z0-9][a-z0-9_-]{0,62}$ (lower-case letters, digits, '-' and '_')");
        } else if (slug != null && CustomProperty.RESERVED_SLUGS.contains(slug)) {
            json.problem("slug", "'" + slug + "' is reserved for a column of the members import");
        }
        return slug;
    }

    private static String derivedSlug(JsonBody json, String label) {
        String slug = CustomProperty.slugOf(label);
        if (slug.isEmpty()) {
            json.problem("slug", "cannot be derived from the label '" + label + "': send a slug");
        } else if (CustomProperty.RESERVED_SLUGS.contains(slug)) {
            json.problem("slug", "'" + slug + "' (derived from the label) is reserved for a column of the members "
                    + "import: send another slug");
        }
        return slug;
    }

    /** Distinct, non-blank, trimmed options. */
    private static List<String> possibleValues(JsonBody json) {
        List<String> raw = json.textList("possibleValues", false);
        if (raw == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String value = raw.get(i).trim();
            String field = "possibleValues[" + i + "]";
            if (value.isEmpty()) {
                json.problem(field, "must not be empty");
            } else if (value.length() > OPTION_MAX) {
                json.problem(field, "must be at most " + OPTION_MAX + " characters");
            } else if (!seen.add(value)) {
                json.problem(field, "'" + value + "' appears more than once");
            } else {
                values.add(value);
            }
        }
        return values;
    }
}
