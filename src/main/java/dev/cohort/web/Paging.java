package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;

/** {@code page} (from 1) and {@code limit} (1 to 100, default 20) of a list request. */
public record Paging(int page, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_PAGE = 10_000_000;

    public long offset() {
        return (long) (page - 1) * limit;
    }

    public static Paging from(MultiValueMap<String, String> query) {
        List<FieldProblem> problems = new ArrayList<>();
        int page = read(query, "page", 1, 1, MAX_PAGE, problems);
        int limit = read(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, problems);
        if (!problems.isEmpty()) {
            throw InvalidInputException.inQuery(problems);
        }
        return new Paging(page, limit);
    }

    private static int read(MultiValueMap<String, String> query, String name, int fallback, int min, int max,
                            List<FieldProblem> problems) {
        String raw = query.getFirst(name);
        if (raw == null || raw.isBlank() || raw.equals("null")) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < min || value > max) {
                problems.add(new FieldProblem(name, "must be between " + min + " and " + max));
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(name, "must be an integer"));
            return fallback;
        }
    }
}
