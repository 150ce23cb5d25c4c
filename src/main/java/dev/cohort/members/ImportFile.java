package dev.cohort.members;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.TooLargeException;
import dev.cohort.web.Ids;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A members CSV read and checked in memory: the valid rows to apply and the problems of the others. A file that is
 * not well-formed (no header, no email column, an unknown column, a line with the wrong number of cells, an unclosed
 * quote, bytes that are not UTF-8) is an {@link InvalidInputException} naming the line and column; more rows than
 * allowed is a {@link TooLargeException}.
 */
final class ImportFile {
    static final int MAX_ERRORS = 1000;
    static final int TAG_MAX = 255;
    static final List<String> COLUMNS = List.of("email", "firstname", "lastname", "role", "status", "tags");

    /** One member to create or update; null fields leave the member's value as it is. */
    record Row(int line, UUID id, String email, String firstname, String lastname, String role, String status,
               List<String> tags, Map<UUID, JsonNode> values) {
    }

    /** Why one row was skipped. */
    record RowError(int line, String field, String message) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<RowError> errors = new ArrayList<>();
    int failed;
    boolean errorsTruncated;

    private final String[] columns;
    private final CustomProperty[] properties;
    private final Map<String, Integer> firstLineByEmail = new HashMap<>();
    private int problemsInRow;

    private ImportFile(String[] columns, CustomProperty[] properties) {
        this.columns = columns;
        this.properties = properties;
    }

    static ImportFile read(byte[] body, List<CustomProperty> spotProperties, int maxRows) {
        try {
            Csv csv = new Csv(Csv.decode(body));
            List<String> header = csv.next();
            if (header == null) {
                throw new InvalidInputException("line 1", "the file is empty: the first line must be a header "
                        + "naming the columns (email, firstname, lastname, role, status, tags, custom property slugs)");
            }
            ImportFile file = header(header, spotProperties);
            int count = 0;
            for (List<String> cells = csv.next(); cells != null; cells = csv.next()) {
                if (cells.size() != header.size()) {
                    throw new InvalidInputException("line " + csv.line(), "has " + cells.size() + " cells but the "
                            + "header has " + header.size() + " columns; cells holding commas must be in quotes");
                }
                if (++count <= maxRows) {
                    file.row(csv.line(), cells);
                }
            }
            if (count > maxRows) {
                throw new TooLargeException("rows", maxRows, count);
            }
            return file;
        } catch (Csv.FormatException e) {
            throw new InvalidInputException("line " + e.line + (e.column > 0 ? ", column " + e.column : ""),
                    e.getMessage());
        }
    }

    private static ImportFile header(List<String> header, List<CustomProperty> spotProperties) {
        Map<String, CustomProperty> bySlug = new HashMap<>();
        spotProperties.forEach(p -> bySlug.put(p.slug(), p));
        String[] columns = new String[header.size()];
        CustomProperty[] properties = new CustomProperty[header.size()];
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).trim().toLowerCase(Locale.ROOT);
            String field = "line 1, column " + (i + 1);
            if (name.isEmpty()) {
                problems.add(new FieldProblem(field, "has no column name"));
            } else if (!seen.add(name)) {
                problems.add(new FieldProblem(field, "repeats the column '" + name + "'"));
            } else if (COLUMNS.contains(name)) {
                columns[i] = name;
            } else if (bySlug.containsKey(name)) {
                columns[i] = name;
                properties[i] = bySlug.get(name);
            } else {
                problems.add(new FieldProblem(field, "unknown column '" + header.get(i).trim() + "'; columns are "
                        + COLUMNS + " and the custom property slugs of the Spot " + bySlug.keySet()));
            }
        }
        if (!seen.contains("email")) {
            problems.add(new FieldProblem("line 1", "the header needs an email column"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ImportFile(columns, properties);
    }

    private void row(int line, List<String> cells) {
        problemsInRow = 0;
        String email = null;
        String firstname = null;
        String lastname = null;
        String role = null;
        String status = null;
        List<String> tags = List.of();
        Map<UUID, JsonNode> values = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i).trim();
            String column = columns[i];
            if (properties[i] != null) {
                if (!cell.isEmpty()) {
                    PropertyValues.Checked checked = PropertyValues.fromText(properties[i], cell);
                    if (checked.valid()) {
                        values.put(properties[i].id(), checked.value());
                    } else {
                        error(line, column, checked.problem());
                    }
                }
                continue;
            }
            switch (column) {
                case "email" -> email = cell;
                case "firstname" -> firstname = cell.isEmpty() ? null : cell;
                case "lastname" -> lastname = cell.isEmpty() ? null : cell;
                case "role" -> role = canonical(line, column, cell, MemberStatus.ROLES);
                case "status" -> status = canonical(line, column, cell.equalsIgnoreCase("Declined")
                        ? "DeclinedInvitation" : cell, MemberStatus.ALL);
                default -> tags = tags(line, cell);
            }
        }
        if (email.isEmpty()) {
            error(line, "email", "is required");
        } else if (!MemberService.validEmail(email)) {
            error(line, "email", "'" + email + "' is not an email address");
        } else {
            Integer first = firstLineByEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), line);
            if (first != null) {
                error(line, "email", "repeats the email of line " + first + "; only that line is imported");
            }
        }
        if (problemsInRow > 0) {
            failed++;
        } else {
            rows.add(new Row(line, Ids.timeOrdered(), email, firstname, lastname, role, status, tags, values));
        }
    }

    private String canonical(int line, String column, String cell, List<String> allowed) {
        if (cell.isEmpty()) {
            return null;
        }
        for (String value : allowed) {
            if (value.equalsIgnoreCase(cell)) {
                return value;
            }
        }
        error(line, column, "must be one of " + allowed + "; got '" + cell + "'");
        return null;
    }

    private List<String> tags(int line, String cell) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String part : cell.split(";")) {
            String name = part.trim();
            if (name.length() > TAG_MAX) {
                error(line, "tags", "a tag name must be at most " + TAG_MAX + " characters");
            } else if (!name.isEmpty()) {
                tags.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        return List.copyOf(tags.values());
    }

    /** Records a problem of the current row, which fails; the first {@value #MAX_ERRORS} are listed. */
    private void error(int line, String field, String message) {
        problemsInRow++;
        if (errors.size() < MAX_ERRORS) {
            errors.add(new RowError(line, field, message));
        } else {
            errorsTruncated = true;
        }
    }
}
