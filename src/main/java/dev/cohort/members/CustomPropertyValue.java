package dev.cohort.members;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The CustomPropertyValue object of the MeltingSpot API: a property of the Spot and one member's value (or null). */
public record CustomPropertyValue(UUID customPropertyId, String customPropertyLabel, String customPropertySlug,
                                  @Nullable String customPropertyDescription,
                                  @Schema(allowableValues = {"Text", "SingleSelect", "MultipleSelect", "Boolean",
                                          "Number", "Date"}) String customPropertyType,
                                  List<String> possibleValues,
                                  @Schema(types = {"string", "number", "boolean", "array"},
                                          description = "The member's value, null when it has none: a string (Text, "
                                          + "SingleSelect), an array of strings (MultipleSelect), a boolean, a number, "
                                          + "or Unix seconds (Date)") @Nullable JsonNode value) {
    static CustomPropertyValue of(CustomProperty property, JsonNode value) {
        return new CustomPropertyValue(property.id(), property.label(), property.slug(), property.description(),
                property.type(), property.possibleValues(), value);
    }
}
