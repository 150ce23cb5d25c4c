package dev.cohort.messaging;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashSet;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * markAsRead's {@code id} filter in the OpenAPI document: its one field, {@code id[in]}, is not a name a record
 * component can have (the record reads it as a map and refuses any other key), so its schema is written here.
 */
@Configuration(proxyBeanMethods = false)
class NotificationDocument {
    static final String ID_FILTER = "NotificationIdFilter";

    @Bean
    OpenApiCustomizer notificationIdFilterSchema() {
        return openApi -> {
            var schemas = openApi.getComponents().getSchemas();
            schemas.put(ID_FILTER, typed("object")
                    .description("The notifications to mark, by id")
                    .addProperty("id[in]", typed("array").description("Notification ids")
                            .items(typed("string").format("uuid")))
                    .required(List.of("id[in]"))
                    .additionalProperties(false));
            Schema<?> body = schemas.get("MarkNotificationsAsRead");
            if (body != null && body.getProperties() != null) {
                body.getProperties().put("id", new JsonSchema().$ref("#/components/schemas/" + ID_FILTER)
                        .description("{\"id[in]\": [notification ids]}; absent or null: every unread notification"));
            }
        };
    }

    private static Schema<?> typed(String type) {
        return new JsonSchema().types(new LinkedHashSet<>(List.of(type)));
    }
}
