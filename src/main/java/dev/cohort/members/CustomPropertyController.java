package dev.cohort.members;

import dev.cohort.spots.Caller;
import dev.cohort.web.Body;
import dev.cohort.web.Errors;
import dev.cohort.web.Filtered;
import dev.cohort.web.ListPage;
import dev.cohort.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
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

    @Body(echoes = CustomProperty.class)
    @Schema(description = "A new custom property")
    record CreateCustomProperty(
            @Schema(pattern = CustomProperty.SLUG_PATTERN, example = "company",
                    description = "Unique in the Spot; derived from the label when absent") String slug,
            @NotBlank @Size(max = LABEL_MAX) @Schema(example = "Company") String label,
            @Schema(example = "Where the member works") String description,
            @NotNull @Schema(allowableValues = {"Text", "SingleSelect", "MultipleSelect", "Boolean", "Number", "Date"},
                    example = "Text") String type,
            @Schema(description = "The options, required (non-empty) for SingleSelect and MultipleSelect, refused "
                    + "for the other types") List<String> possibleValues) {
    }

    @Body(echoes = CustomProperty.class, partial = true)
    @Schema(description = "The fields to change; absent fields are left as they are")
    record UpdateCustomProperty(
            @Schema(description = "Cannot change: only the current slug is accepted") String slug,
            @NotBlank @Size(max = LABEL_MAX) String label,
            @Schema(description = "null clears it") Optional<String> description,
            @Schema(allowableValues = {"Text", "SingleSelect", "MultipleSelect", "Boolean", "Number", "Date"},
                    description = "Cannot change: only the current type is accepted") String type,
            @Schema(description = "Replaces the options; members' values lose the removed ones")
            List<String> possibleValues) {
    }

    @GetMapping
    @Filtered(CustomPropertyService.class)
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
    @Errors(409)
    CustomProperty create(Caller caller, @RequestBody CreateCustomProperty body) {
        Problems problems = new Problems();
        String slug = body.slug() != null ? slug(body.slug(), problems) : derivedSlug(body.label(), problems);
        List<String> values = possibleValues(body.possibleValues(), problems);
        String type = body.type();
        if (isSelect(type) && (values == null || values.isEmpty())) {
            problems.add("possibleValues", "is required and must not be empty for a " + type + " property");
        }
        if (!isSelect(type) && values != null && !values.isEmpty()) {
            problems.add("possibleValues", "only SingleSelect and MultipleSelect properties have possible values");
        }
        problems.throwIfAny();
        return properties.create(caller.spotId(), new CustomPropertyService.Definition(slug, body.label(),
                body.description(), true, type, values == null ? List.of() : values));
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
                    + "change (400); their current values are accepted, and the read-only id ignored, so a property "
                    + "read can be sent back. Removing a possible value removes it from members' values: a "
                    + "SingleSelect value using it is cleared, a MultipleSelect value loses it.")
    CustomProperty update(Caller caller, @PathVariable UUID customPropertyId,
                          @RequestBody UpdateCustomProperty body) {
        Problems problems = new Problems();
        List<String> values = possibleValues(body.possibleValues(), problems);
        problems.throwIfAny();
        return properties.update(caller.spotId(), customPropertyId, new CustomPropertyService.Definition(
                body.slug(), body.label(), body.description() == null ? null : body.description().orElse(null),
                body.description() != null, body.type(), values));
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

    private static String slug(String slug, Problems problems) {
        if (!CustomProperty.SLUG.matcher(slug).matches()) {
            problems.add("slug", "must match " + CustomProperty.SLUG_PATTERN
                    + " (lower-case letters, digits, '-' and '_')");
        } else if (CustomProperty.RESERVED_SLUGS.contains(slug)) {
            problems.add("slug", "'" + slug + "' is reserved for a column of the members import");
        }
        return slug;
    }

    private static String derivedSlug(String label, Problems problems) {
        String slug = CustomProperty.slugOf(label);
        if (slug.isEmpty()) {
            problems.add("slug", "cannot be derived from the label '" + label + "': send a slug");
        } else if (CustomProperty.RESERVED_SLUGS.contains(slug)) {
            problems.add("slug", "'" + slug + "' (derived from the label) is reserved for a column of the members "
                    + "import: send another slug");
        }
        return slug;
    }

    /** Distinct, non-blank, trimmed options; null when none were sent. */
    private static List<String> possibleValues(List<String> sent, Problems problems) {
        if (sent == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < sent.size(); i++) {
            String value = sent.get(i).trim();
            String field = "possibleValues[" + i + "]";
            if (value.isEmpty()) {
                problems.add(field, "must not be empty");
            } else if (value.length() > OPTION_MAX) {
                problems.add(field, "must be at most " + OPTION_MAX + " characters");
            } else if (!seen.add(value)) {
                problems.add(field, "'" + value + "' appears more than once");
            } else {
                values.add(value);
            }
        }
        return values;
    }
}
