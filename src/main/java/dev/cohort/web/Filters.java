package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * LHS-bracket filters ({@code field[op]=value}) as MeltingSpot writes them. Each endpoint declares the fields it
 * filters on, their type and operators; {@link Spec#parse} turns a query into a SQL condition with bound
 * parameters, or a 400 naming every unknown field, unsupported operator and ill-typed value.
 */
public final class Filters {
    private static final Pattern BRACKET = Pattern.compile("^([A-Za-z][A-Za-z0-9_.]*)\\[([A-Za-z]+)]$");
    /** Values above this are read as milliseconds rather than seconds. */
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    public enum Op {
        eq("="), neq("<>"), gt(">"), gte(">="), lt("<"), lte("<="), in(null), notin(null), contains(null),
        before("<"), after(">");

        final String sql;

        Op(String sql) {
            this.sql = sql;
        }
    }

    public static final Set<Op> COMPARISONS = EnumSet.of(Op.eq, Op.neq, Op.gt, Op.gte, Op.lt, Op.lte);
    public static final Set<Op> DATES = EnumSet.of(Op.before, Op.after, Op.gt, Op.gte, Op.lt, Op.lte);

    /** A condition over one filter: {@code (op, values, params) -> SQL}. */
    @FunctionalInterface
    public interface Condition {
        String sql(Op op, List<String> values, Params params);
    }

    /** Collects bound parameters under generated names. */
    public static final class Params {
        private final Map<String, Object> values = new HashMap<>();

        public String bind(Object value) {
            String name = "f" + values.size();
            values.put(name, value);
            return ":" + name;
        }

        public Map<String, Object> values() {
            return values;
        }
    }

    /** The SQL condition ({@code ""} or starting with {@code " and "}) and its parameters. */
    public record Where(String sql, Map<String, Object> params) {
    }

    enum Kind { TEXT, EMAIL, TIMESTAMP, INTEGER, ENUM, UUID, CUSTOM }

    /** What the OpenAPI document shows of one query parameter of a spec: its JSON type, values and description. */
    public record Documented(String name, String type, String format, List<String> values, boolean list,
                             String description) {
    }

    record Field(String name, Kind kind, String column, Set<Op> ops, Collection<String> values,
                         Condition custom) {
    }

    public static Spec spec() {
        return new Spec();
    }

    public static final class Spec {
        private final Map<String, Field> fields = new LinkedHashMap<>();
        private final Set<String> plain = new LinkedHashSet<>(List.of("page", "limit"));
        private final Map<String, String> descriptions = new HashMap<>();

        public Spec text(String name, String column, Op... ops) {
            return add(new Field(name, Kind.TEXT, column, set(ops), null, null));
        }

        /** Case-insensitive text, as emails are compared. */
        public Spec email(String name, String column, Op... ops) {
            return add(new Field(name, Kind.EMAIL, column, set(ops), null, null));
        }

        /** Unix timestamps in seconds (milliseconds are recognised by their size). */
        public Spec timestamp(String name, String column, Op... ops) {
            return add(new Field(name, Kind.TIMESTAMP, column, set(ops), null, null));
        }

        public Spec integer(String name, String expression, Op... ops) {
            return add(new Field(name, Kind.INTEGER, expression, set(ops), null, null));
        }

        public Spec enumeration(String name, String column, Collection<String> values, Op... ops) {
            return add(new Field(name, Kind.ENUM, column, set(ops), values, null));
        }

        public Spec uuid(String name, String column, Op... ops) {
            return add(new Field(name, Kind.UUID, column, set(ops), null, null));
        }

        public Spec custom(String name, Condition condition, Op... ops) {
            return add(new Field(name, Kind.CUSTOM, null, set(ops), null, condition));
        }

        /** Query parameters without brackets that the endpoint reads itself ({@code search}, {@code sort}). */
        public Spec plain(String... names) {
            plain.addAll(Arrays.asList(names));
            return this;
        }

        /** The description the OpenAPI document gives a filter field or a plain parameter. */
        public Spec describe(String name, String description) {
            descriptions.put(name, description);
            return this;
        }

        /**
         * Every query parameter of this spec but {@code page} and {@code limit}, as the OpenAPI document shows them:
         * the plain ones, then one per filter field and operator ({@code name[contains]}); {@code in} and
         * {@code notin} take a comma-separated list.
         */
        public List<Documented> documented() {
            return FilterDocs.of(plain, fields.values(), descriptions);
        }

        private Spec add(Field field) {
            fields.put(field.name(), field);
            return this;
        }

        private static Set<Op> set(Op... ops) {
            return ops.length == 0 ? EnumSet.noneOf(Op.class) : EnumSet.copyOf(Arrays.asList(ops));
        }

        public Where parse(MultiValueMap<String, String> query) {
            return parse(query, new Params());
        }

        /** Parses into {@code params}, so that the caller can bind more conditions beside the filters. */
        public Where parse(MultiValueMap<String, String> query, Params params) {
            List<FieldProblem> problems = new ArrayList<>();
            StringBuilder sql = new StringBuilder();
            for (Map.Entry<String, List<String>> entry : query.entrySet()) {
                String key = entry.getKey();
                if (plain.contains(key)) {
                    continue;
                }
                Matcher m = BRACKET.matcher(key);
                if (!m.matches()) {
                    problems.add(new FieldProblem(key, "unknown query parameter; filters are written field[operator]"
                            + (fields.isEmpty() ? "" : " with field one of " + fields.keySet())));
                    continue;
                }
                Field field = fields.get(m.group(1));
                if (field == null) {
                    problems.add(new FieldProblem(key, "unknown filter '" + m.group(1) + "'"
                            + (fields.isEmpty() ? "" : "; filterable fields: " + fields.keySet())));
                    continue;
                }
                Op op;
                try {
                    op = Op.valueOf(m.group(2));
                } catch (IllegalArgumentException e) {
                    op = null;
                }
                if (op == null || !field.ops().contains(op)) {
                    problems.add(new FieldProblem(key, "unsupported operator '" + m.group(2) + "' for "
                            + field.name() + "; use one of " + field.ops()));
                    continue;
                }
                List<String> values = split(entry.getValue(), op);
                if (values.isEmpty()) {
                    problems.add(new FieldProblem(key, "needs a value"));
                    continue;
                }
                if (values.size() > 1 && op != Op.in && op != Op.notin) {
                    problems.add(new FieldProblem(key, "takes a single value"));
                    continue;
                }
                String condition = condition(field, op, values, params, key, problems);
                if (condition != null) {
                    sql.append(" and ").append(condition);
                }
            }
            if (!problems.isEmpty()) {
                throw InvalidInputException.inQuery(problems);
            }
            return new Where(sql.toString(), params.values);
        }

        private static List<String> split(List<String> raw, Op op) {
            List<String> values = new ArrayList<>();
            for (String value : raw) {
                if (value == null) {
                    continue;
                }
                if (op == Op.in || op == Op.notin) {
                    for (String part : value.split(",")) {
                        if (!part.isBlank()) {
                            values.add(part.trim());
                        }
                    }
                } else if (!value.isEmpty()) {
                    values.add(value);
                }
            }
            return values;
        }

        private static String condition(Field field, Op op, List<String> values, Params params, String key,
                                        List<FieldProblem> problems) {
            if (field.kind() == Kind.CUSTOM) {
                return field.custom().sql(op, values, params);
            }
            List<Object> typed = new ArrayList<>();
            for (String value : values) {
                Object converted = convert(field, value);
                if (converted == null) {
                    problems.add(new FieldProblem(key, describe(field) + "; got '" + value + "'"));
                    return null;
                }
                typed.add(converted);
            }
            String column = field.kind() == Kind.EMAIL ? "lower(" + field.column() + ")" : field.column();
            return switch (op) {
                case in -> column + " in (" + params.bind(typed) + ")";
                case notin -> column + " not in (" + params.bind(typed) + ")";
                case contains -> column + " ilike " + params.bind("%" + escapeLike(values.get(0)) + "%");
                case neq -> column + " is distinct from " + params.bind(typed.get(0));
                default -> column + " " + op.sql + " " + params.bind(typed.get(0));
            };
        }

        private static String describe(Field field) {
            return switch (field.kind()) {
                case TIMESTAMP -> "must be a Unix timestamp";
                case INTEGER -> "must be an integer";
                case UUID -> "must be a UUID";
                case ENUM -> "must be one of " + field.values();
                default -> "invalid value";
            };
        }

        private static Object convert(Field field, String value) {
            switch (field.kind()) {
                case TEXT:
                    return value;
                case EMAIL:
                    return value.toLowerCase(java.util.Locale.ROOT);
                case ENUM:
                    return field.values().contains(value) ? value : null;
                case UUID:
                    return Ids.parse(value);
                case INTEGER:
                    try {
                        return Long.parseLong(value.trim());
                    } catch (NumberFormatException e) {
                        return null;
                    }
                case TIMESTAMP:
                    try {
                        long number = Long.parseLong(value.trim());
                        Instant instant = Math.abs(number) >= MILLIS_THRESHOLD
                                ? Instant.ofEpochMilli(number) : Instant.ofEpochSecond(number);
                        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
                    } catch (NumberFormatException | java.time.DateTimeException e) {
                        return null;
                    }
                default:
                    return null;
            }
        }
    }

    /** Escapes LIKE wildcards so that user text matches literally. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Filters() {
    }

    /** Used by callers that bind UUID lists. */
    public static List<UUID> uuids(Collection<String> texts) {
        List<UUID> ids = new ArrayList<>();
        for (String text : texts) {
            UUID id = Ids.parse(text);
            if (id != null) {
                ids.add(id);
            }
        }
        return ids;
    }
}
