package dev.cohort.errors;

import java.util.List;

/** The request itself is malformed; nothing was changed. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldProblem> problems;
    private final boolean query;

    public InvalidInputException(List<FieldProblem> problems) {
        this(problems, false);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    private InvalidInputException(List<FieldProblem> problems, boolean query) {
        super(problems.isEmpty() ? "Invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
        this.query = query;
    }

    /** Problems of the query string (paging, filters), as opposed to the body's. */
    public static InvalidInputException inQuery(List<FieldProblem> problems) {
        return new InvalidInputException(problems, true);
    }

    public static InvalidInputException inQuery(String parameter, String message) {
        return inQuery(List.of(new FieldProblem(parameter, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** Whether the problems are the query string's. */
    public boolean query() {
        return query;
    }
}
