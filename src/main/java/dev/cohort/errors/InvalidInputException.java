package dev.cohort.errors;

import java.util.List;

/** The request itself is malformed; nothing was changed. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldProblem> problems;

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.isEmpty() ? "Invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
