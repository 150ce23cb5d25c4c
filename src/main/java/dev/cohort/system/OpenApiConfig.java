package dev.cohort.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The title, version and authentication schemes of the OpenAPI document served at {@code /v3/api-docs}. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {
    @Bean
    OpenAPI cohortOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Cohort API").version("v1")
                        .description("Members, groups and the access that follows them. Compatible with the "
                                + "MeltingSpot public API; Cohort's additions are marked in their descriptions. "
                                + "Errors are RFC 9457 problem bodies with an 'errors' list naming each bad field."))
                .components(new Components()
                        .addSecuritySchemes("spotKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("Authorization")
                                .description("The Spot's API key, raw or as 'Bearer <key>'"))
                        .addSecuritySchemes("memberToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A member token (HS256, sub = member id, exp required) for /v1/me"))
                        .addSecuritySchemes("adminToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("COHORT_ADMIN_TOKEN, for /admin/v1")))
                .addSecurityItem(new SecurityRequirement().addList("spotKey"));
    }
}
