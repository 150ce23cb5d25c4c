package dev.cohort.members;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** The CustomPropertyValue object of the MeltingSpot API: a property of the Spot and one member's value (or null). */
public record CustomPropertyValue(UUID customPropertyId, String customPropertyLabel, String customPropertySlug,
                                  String customPropertyDescription, String customPropertyType,
                                  List<String> possibleValues, JsonNode value) {
    static CustomPropertyValue of(CustomProperty property, JsonNode value) {
        return new CustomPropertyValue(property.id(), property.label(), property.slug(), property.description(),
                property.type(), property.possibleValues(), value);
    }
}
