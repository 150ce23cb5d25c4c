package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * A list request read in one go: paging, the filters as a SQL condition with its parameters, and any extra
 * condition the endpoint adds (such as {@code search}). Every problem of the query is reported at once.
 */
public record ListQuery(Paging paging, String where, Map<String, Object> params) {

    public static ListQuery read(MultiValueMap<String, String> query, Filters.Spec spec) {
        return read(query, spec, params -> "");
    }

    /** {@code extra} returns a condition starting with {@code " and "} (or "") bound to the same parameters. */
    public static ListQuery read(MultiValueMap<String, String> query, Filters.Spec spec,
                                 Function<Filters.Params, String> extra) {
        List<FieldProblem> problems = new ArrayList<>();
        Paging paging = null;
        try {
            paging = Paging.from(query);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        Filters.Params params = new Filters.Params();
        String where = "";
        try {
            where = spec.parse(query, params).sql() + extra.apply(params);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw InvalidInputException.inQuery(problems);
        }
        return new ListQuery(paging, where, params.values());
    }

    /** Whether any filter narrows the list (when not, a stored count can stand for the total). */
    public boolean filtered() {
        return !where.isEmpty();
    }
}
