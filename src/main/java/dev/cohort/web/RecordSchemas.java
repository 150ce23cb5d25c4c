package dev.cohort.web;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The schemas of Cohort's records as the API sends them: an answer's every field is {@code required} (answers
 * always carry all fields) and a component marked {@link Nullable} may be {@code null} ({@code type: [..., "null"]});
 * a request's {@link Optional} components may be sent as {@code null} (they clear the field). Two records whose
 * schemas would share a name are refused, so that one never silently replaces the other in the document.
 */
@Component
class RecordSchemas implements ModelConverter {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RecordSchemas.class);
    private final Map<String, Class<?>> names = new ConcurrentHashMap<>();

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (!chain.hasNext()) {
            return null;
        }
        Schema<?> schema = chain.next().resolve(type, context, chain);
        Class<?> raw = raw(type.getType());
        if (schema == null || raw == null || !raw.isRecord() || !raw.getName().startsWith("dev.cohort.")) {
            return schema;
        }
        Schema<?> model = schema;
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            model = context.getDefinedModels().get(name);
            guard(name, raw);
        } else if (schema.getName() != null) {
            guard(schema.getName(), raw);
        }
        if (model == null || model.getProperties() == null) {
            return schema;
        }
        boolean request = raw.isAnnotationPresent(Body.class);
        Set<String> required = new LinkedHashSet<>(model.getRequired() == null ? List.of() : model.getRequired());
        Map<String, Schema> properties = new LinkedHashMap<>(model.getProperties());
        for (RecordComponent component : raw.getRecordComponents()) {
            String name = component.getName();
            Schema<?> property = properties.get(name);
            if (property == null) {
                continue;
            }
            if (component.getGenericType() instanceof java.lang.reflect.ParameterizedType generic
                    && generic.getActualTypeArguments()[0] == tools.jackson.databind.JsonNode.class
                    && property.getItems() != null) {
                property.setItems(new JsonSchema()); // List<JsonNode>: items of any JSON type, not only objects
            }
            boolean array = "array".equals(property.getType())
                    || (property.getTypes() != null && property.getTypes().contains("array"));
            if (array && property.getItems() == null && property.get$ref() == null) {
                property.setItems(new JsonSchema()); // a free JSON value that may be an array: any items
            }
            if (property.getMaxItems() != null && property.getMaxItems() == Integer.MAX_VALUE) {
                property.setMaxItems(null); // a @Size(min = 1) on a list: no upper bound
            }
            boolean nullable = request ? component.getType() == Optional.class
                    : component.getAnnotatedType().isAnnotationPresent(Nullable.class);
            if (!request) {
                required.add(name);
            }
            if (nullable) {
                property = nullable(property);
            }
            properties.put(name, alternatives(property));
        }
        if (request && raw.getAnnotation(Body.class).partial()) {
            required.clear(); // an update's fields are all optional; a constraint holds only when the field is sent
        }
        model.setProperties(properties);
        model.setRequired(required.isEmpty() ? null : new ArrayList<>(required));
        return schema;
    }

    /**
     * A value of several JSON types ({@code types: [string, array]}) as a free value ({@code {}}: any JSON) whose
     * description says which: client generators can turn neither several types in one schema nor a {@code oneOf}
     * holding an array into code that compiles, and read a free value as their language's any-object.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> alternatives(Schema<?> property) {
        if (property.getTypes() == null || property.getTypes().stream().filter(t -> !t.equals("null")).count() < 2) {
            return property;
        }
        Schema free = new JsonSchema();
        free.setDescription((property.getDescription() == null ? "" : property.getDescription() + ". ") + "One of: "
                + String.join(", ", property.getTypes()));
        if (property.getExample() != null) {
            free.setExample(property.getExample());
        }
        return free;
    }

    /** The same schema that also takes {@code null}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Schema<?> nullable(Schema<?> property) {
        if (property.get$ref() != null || property.getAllOf() != null) {
            Schema wrapper = new JsonSchema();
            wrapper.setDescription(property.getDescription());
            Schema ref = new JsonSchema();
            if (property.get$ref() != null) {
                ref.set$ref(property.get$ref());
            } else {
                ref.setAllOf(property.getAllOf());
            }
            wrapper.setAnyOf(List.of(ref, ApiDocument.typed("null")));
            return wrapper;
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        if (types.isEmpty()) {
            return property; // any value, null included
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List values = new ArrayList<>(property.getEnum());
            values.add(null);
            ((Schema) property).setEnum(values);
        }
        return property;
    }

    private void guard(String name, Class<?> raw) {
        Class<?> first = names.putIfAbsent(name, raw);
        if (first != null && first != raw) {
            // ApiDocumentApiTest fails on these; the log names the pair for whoever renames one.
            log.warn("Two records share the schema name {}: {} and {}; rename one (or give it @Schema(name = ...))",
                    name, first.getName(), raw.getName());
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof JavaType javaType) {
            return javaType.getRawClass();
        }
        try {
            return TypeFactory.defaultInstance().constructType(type).getRawClass();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
