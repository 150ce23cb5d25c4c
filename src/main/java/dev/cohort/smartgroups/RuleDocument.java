package dev.cohort.smartgroups;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The smart-group rule tree's schema in the OpenAPI document: the one body part whose shape is free. */
@Configuration(proxyBeanMethods = false)
class RuleDocument {
    @Bean
    OpenApiCustomizer ruleSchema() {
        return openApi -> {
            Schema<?> rule = typed("object").description("A smart group's rule: {\"all\": [rules]}, {\"any\": [rules]}, "
                    + "{\"not\": rule}, or a condition {\"field\", \"op\", \"value\"} (a custom property's with "
                    + "\"key\": its slug); see the README, Smart groups")
                    .addProperty("all", typed("array").items(new JsonSchema().$ref("#/components/schemas/Rule")))
                    .addProperty("any", typed("array").items(new JsonSchema().$ref("#/components/schemas/Rule")))
                    .addProperty("not", new JsonSchema().$ref("#/components/schemas/Rule"))
                    .addProperty("field", typed("string").description("One of " + RuleVocabulary.names()))
                    .addProperty("op", typed("string").description("The operator the field takes (eq, in, hasAny, "
                            + "withinLastDays, ...)"))
                    .addProperty("key", typed("string").description("A custom property's slug (field customProperty)"))
                    .addProperty("value", new JsonSchema().description("The value or values the operator compares"));
            openApi.getComponents().addSchemas("Rule", rule);
        };
    }

    private static Schema<?> typed(String type) {
        return new JsonSchema().types(new LinkedHashSet<>(List.of(type)));
    }
}
