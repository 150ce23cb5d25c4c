package dev.cohort.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The OpenAPI document at {@code /v3/api-docs}: what the HTTP API is, not how Spring calls its methods. Security per
 * path, the errors each operation answers (one shared {@code Problem} schema), list filters from their
 * {@link Filters.Spec}, a description on every tag.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {
    static final String PROBLEM = "application/problem+json";

    static {
        // Jackson 3's tree, where a field is truly free (a smart-group rule names its own schema): any JSON value.
        SpringDocUtils.getConfig().replaceWithSchema(tools.jackson.databind.JsonNode.class, new JsonSchema());
    }

    /** The module tags, with what each covers. */
    private static final Map<String, String> TAGS = new TreeMap<>(Map.ofEntries(
            Map.entry("Groups", "Groups of a Spot's members: static groups, their members, bulk changes, deletion "
                    + "and restore"),
            Map.entry("Community groups", "Groups that are spaces of their own: owner and group roles, join URL "
                    + "slugs, settings, reported content, and the Spot's community settings"),
            Map.entry("Smart groups", "Rule-based groups: previews of a rule and the members always included or "
                    + "excluded (exceptions)"),
            Map.entry("Spot members", "The members of a Spot: invitation, profile, status, role, deletion"),
            Map.entry("Tags", "Member tags and their assignments"),
            Map.entry("Custom roles", "The Spot's custom member roles"),
            Map.entry("Custom properties", "Custom member properties and their values"),
            Map.entry("Imports", "Member imports from CSV"),
            Map.entry("Lives", "Live sessions, public or restricted to the groups linked to them"),
            Map.entry("Courses", "Courses, public or restricted to the groups linked to them"),
            Map.entry("Course steps", "The steps of a course: lessons and quizzes"),
            Map.entry("Course participants", "A course's participants with their progress"),
            Map.entry("Channels", "Chat channels"),
            Map.entry("Forums", "Forums"),
            Map.entry("Collections", "Collections of content"),
            Map.entry("Group links", "Links between groups and resources, which give a group's members access"),
            Map.entry("Participants", "Who takes part in a resource, each with the sources that hold them"),
            Map.entry("Access", "What a member can reach, and why"),
            Map.entry("Channel, forum and collection members", "The members of a channel, forum or collection"),
            Map.entry("Notifications", "In-app notifications of members"),
            Map.entry("Invitation templates", "The templates of the invitation emails"),
            Map.entry("Outbox", "The email outbox: each email's delivery state"),
            Map.entry("Me (member token)", "What one member does for themselves, with a member token"),
            Map.entry("Admin: Spots", "Server administration: Spots, API keys, member-token secrets")));

    @Bean
    OpenAPI cohortOpenApi() {
        String version = ApiDocument.class.getPackage().getImplementationVersion();
        return new OpenAPI()
                .info(new Info().title("Cohort API").version(version == null ? "development" : version)
                        .description("Members, groups and the access that follows them. Compatible with the "
                                + "MeltingSpot public API; Cohort's additions are marked in their descriptions. "
                                + "Errors are RFC 9457 problem bodies (application/problem+json) with an 'errors' "
                                + "list naming each bad field. Dates in bodies are Unix timestamps unless a field "
                                + "says otherwise.")
                        .contact(new Contact().name("Cohort").url("https://cohort.dev"))
                        .license(new License().name("Proprietary").url("https://cohort.dev/license")))
                .servers(List.of(new Server().url("{scheme}://{host}").description("Where Cohort runs")
                        .variables(new io.swagger.v3.oas.models.servers.ServerVariables()
                                .addServerVariable("scheme", new io.swagger.v3.oas.models.servers.ServerVariable()
                                        ._default("http").description("http or https")
                                        ._enum(List.of("http", "https")))
                                .addServerVariable("host", new io.swagger.v3.oas.models.servers.ServerVariable()
                                        ._default("localhost:8080")
                                        .description("Host and port (PORT, default 8080)")))))
                .components(new Components()
                        .addSecuritySchemes("spotKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("Authorization")
                                .description("The Spot's API key, raw or as 'Bearer <key>'"))
                        .addSecuritySchemes("memberToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("A member token (HS256, sub = member id, exp required) for /v1/me"))
                        .addSecuritySchemes("adminToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("COHORT_ADMIN_TOKEN, for /admin/v1")));
    }

    /** A schema of one JSON type, as OpenAPI 3.1 writes it ({@code type} is 3.0's field). */
    static Schema<?> typed(String type) {
        return new JsonSchema().types(new LinkedHashSet<>(List.of(type)));
    }

    /** The security each path takes, by its prefix. */
    static String security(String path) {
        if (ApiPaths.member(path)) {
            return "memberToken";
        }
        if (ApiPaths.admin(path)) {
            return "adminToken";
        }
        return "spotKey";
    }

    @Bean
    OpenApiCustomizer cohortDocument() {
        return openApi -> {
            Components components = openApi.getComponents();
            if (components.getSchemas() != null) {
                components.getSchemas().remove("MultiValueMapStringString");
            }
            components.addSchemas("FieldProblem", typed("object")
                    .description("One bad field of a request and why it is bad")
                    .addProperty("field", typed("string")
                            .description("A JSON path into the body (audience.includeGroupIds[2]), a query "
                                    + "parameter or a header"))
                    .addProperty("message", typed("string").description("What is wrong with it"))
                    .required(List.of("field", "message")));
            components.addSchemas("Problem", typed("object")
                    .description("An RFC 9457 problem body")
                    .addProperty("type", typed("string").format("uri"))
                    .addProperty("title", typed("string").description("What was wrong, in short"))
                    .addProperty("status", typed("integer").format("int32"))
                    .addProperty("detail", typed("string"))
                    .addProperty("instance", typed("string").format("uri-reference"))
                    .addProperty("errors", typed("array").description("Every bad field, when any")
                            .items(new JsonSchema().$ref("#/components/schemas/FieldProblem")))
                    .addProperty("limit", typed("integer").format("int32")
                            .description("On 413: the most items one call takes"))
                    .required(List.of("type", "title", "status")));
            openApi.setTags(TAGS.entrySet().stream()
                    .filter(tag -> used(openApi, tag.getKey()))
                    .map(tag -> new Tag().name(tag.getKey()).description(tag.getValue())).toList());
            openApi.setSecurity(null);
            for (Map.Entry<String, PathItem> path : openApi.getPaths().entrySet()) {
                String scheme = security(path.getKey());
                for (Operation operation : path.getValue().readOperations()) {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(scheme)));
                    ApiResponses responses = operation.getResponses();
                    error(responses, 401, "The credentials are missing, unknown, expired or forged");
                    if (scheme.equals("spotKey")) {
                        error(responses, 429, "Over the Spot key's rate limit: retry after Retry-After seconds");
                    }
                    sortResponses(operation);
                }
            }
        };
    }

    private static boolean used(OpenAPI openApi, String tag) {
        return openApi.getPaths().values().stream().flatMap(p -> p.readOperations().stream())
                .anyMatch(o -> o.getTags() != null && o.getTags().contains(tag));
    }

    @Bean
    OperationCustomizer cohortOperations() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            Filtered filtered = handler.getMethodAnnotation(Filtered.class);
            if (operation.getParameters() != null) {
                // The raw query map that list endpoints read: documented parameter by parameter instead.
                operation.getParameters().removeIf(p -> p.getSchema() != null && p.getSchema().get$ref() != null
                        && p.getSchema().get$ref().endsWith("/MultiValueMapStringString"));
            }
            if (filtered != null) {
                parameters(operation, filtered);
            }
            boolean input = filtered != null;
            boolean ids = false;
            for (MethodParameter parameter : handler.getMethodParameters()) {
                input |= parameter.hasParameterAnnotation(RequestBody.class)
                        || parameter.hasParameterAnnotation(RequestParam.class);
                ids |= parameter.hasParameterAnnotation(PathVariable.class);
            }
            if (input) {
                error(responses, 400, "The request is malformed: each bad field is named in 'errors'; nothing "
                        + "was changed");
            }
            if (ids) {
                error(responses, 404, "An id of the path does not exist in the caller's Spot");
            }
            Errors more = handler.getMethodAnnotation(Errors.class);
            if (more != null) {
                for (int status : more.value()) {
                    error(responses, status, switch (status) {
                        case 403 -> "The caller may not do this";
                        case 409 -> "The change conflicts with the current state (a duplicate, a used name)";
                        case 410 -> "The link is no longer active";
                        case 413 -> "More items than one call takes (see 'limit')";
                        default -> "See the operation's description";
                    });
                }
            }
            return operation;
        };
    }

    private static void error(ApiResponses responses, int status, String description) {
        String code = Integer.toString(status);
        if (responses.containsKey(code) && responses.get(code).getContent() != null
                && responses.get(code).getContent().containsKey(PROBLEM)) {
            return;
        }
        ApiResponse response = new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM, new MediaType().schema(new JsonSchema().$ref("#/components/schemas/Problem"))));
        if (status == 429) {
            response.addHeaderObject("Retry-After", new io.swagger.v3.oas.models.headers.Header()
                    .description("Seconds to wait").schema(typed("integer").format("int32")));
        }
        if (status == 401) {
            response.addHeaderObject("WWW-Authenticate", new io.swagger.v3.oas.models.headers.Header()
                    .description("The scheme the endpoint expects").schema(typed("string")));
        }
        responses.addApiResponse(code, response);
    }

    private static void sortResponses(Operation operation) {
        ApiResponses sorted = new ApiResponses();
        operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> sorted.addApiResponse(e.getKey(), e.getValue()));
        operation.setResponses(sorted);
    }

    private static void parameters(Operation operation, Filtered filtered) {
        Filters.Spec spec = spec(filtered);
        List<Parameter> parameters = new ArrayList<>(operation.getParameters() == null ? List.of()
                : operation.getParameters());
        if (filtered.paged()) {
            parameters.add(new Parameter().in("query").name("page").description("The page, from 1")
                    .schema(typed("integer").format("int32").minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(Paging.MAX_PAGE))._default(1)));
            parameters.add(new Parameter().in("query").name("limit").description("Items per page")
                    .schema(typed("integer").format("int32").minimum(java.math.BigDecimal.ONE)
                            .maximum(java.math.BigDecimal.valueOf(Paging.MAX_LIMIT))._default(Paging.DEFAULT_LIMIT)));
        }
        for (Filters.Documented d : spec.documented()) {
            Schema<?> value = typed(d.type());
            if (d.format() != null) {
                value.format(d.format());
            }
            if (d.values() != null) {
                @SuppressWarnings("unchecked")
                Schema<Object> typed = (Schema<Object>) value;
                typed.setEnum(new ArrayList<>(d.values()));
            }
            Parameter parameter = new Parameter().in("query").name(d.name()).description(d.description());
            if (d.list()) {
                parameter.style(Parameter.StyleEnum.FORM).explode(false)
                        .schema(typed("array").items(value));
            } else {
                parameter.schema(value);
            }
            parameters.add(parameter);
        }
        operation.setParameters(parameters);
    }

    /** The spec a {@link Filtered} names: the class's one static {@code Spec} field or method, or the named one. */
    static Filters.Spec spec(Filtered filtered) {
        Class<?> holder = filtered.value();
        List<Filters.Spec> found = new ArrayList<>();
        try {
            for (Field field : holder.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == Filters.Spec.class
                        && (filtered.member().isEmpty() || field.getName().equals(filtered.member()))) {
                    field.setAccessible(true);
                    found.add((Filters.Spec) field.get(null));
                }
            }
            for (Method method : holder.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) && method.getReturnType() == Filters.Spec.class
                        && method.getParameterCount() == 0
                        && (filtered.member().isEmpty() || method.getName().equals(filtered.member()))) {
                    method.setAccessible(true);
                    found.add((Filters.Spec) method.invoke(null));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the filters of " + holder, e);
        }
        if (found.size() != 1) {
            throw new IllegalStateException("@Filtered(" + holder.getSimpleName() + ") names " + found.size()
                    + " Filters.Spec members; name one with member()");
        }
        return found.get(0);
    }
}
