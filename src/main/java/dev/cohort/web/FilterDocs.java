package dev.cohort.web;

import dev.cohort.web.Filters.Documented;
import dev.cohort.web.Filters.Field;
import dev.cohort.web.Filters.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the OpenAPI document shows of a {@link Filters.Spec}: every query parameter but {@code page} and
 * {@code limit}, the plain ones first, then one per filter field and operator ({@code name[contains]}) with its type,
 * values and a description made from the field's kind and the operator ({@code in} and {@code notin} take a
 * comma-separated list).
 */
final class FilterDocs {
    private FilterDocs() {
    }

    static List<Documented> of(Set<String> plain, Collection<Field> fields, Map<String, String> descriptions) {
        List<Documented> documented = new ArrayList<>();
        for (String name : plain) {
            if (!name.equals("page") && !name.equals("limit")) {
                documented.add(new Documented(name, "string", null, null, false,
                        descriptions.getOrDefault(name, name)));
            }
        }
        for (Field field : fields) {
            for (Op op : field.ops()) {
                boolean list = op == Op.in || op == Op.notin;
                String type = switch (field.kind()) {
                    case INTEGER, TIMESTAMP -> "integer";
                    default -> "string";
                };
                String format = switch (field.kind()) {
                    case INTEGER, TIMESTAMP -> "int64";
                    case UUID -> "uuid";
                    default -> null;
                };
                String about = descriptions.getOrDefault(field.name(), about(field));
                documented.add(new Documented(field.name() + "[" + op.name() + "]", type, format,
                        field.values() == null ? null : List.copyOf(field.values()), list,
                        field.name() + " " + words(op) + (list ? " (comma-separated)" : "") + ": " + about));
            }
        }
        return documented;
    }

    private static String about(Field field) {
        return switch (field.kind()) {
            case TIMESTAMP -> "a Unix timestamp in seconds (milliseconds are recognised by their size)";
            case INTEGER -> "an integer";
            case UUID -> "a UUID";
            case ENUM -> "one of " + field.values();
            case EMAIL -> "text, compared case-insensitively";
            case TEXT -> "text";
            case CUSTOM -> "a value";
        };
    }

    private static String words(Op op) {
        return switch (op) {
            case eq -> "equals";
            case neq -> "differs from";
            case gt -> "greater than";
            case gte -> "at least";
            case lt -> "less than";
            case lte -> "at most";
            case in -> "is one of";
            case notin -> "is none of";
            case contains -> "contains, case-insensitively";
            case before -> "before";
            case after -> "after";
        };
    }
}
