package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** Problems of one request collected before they are answered together (checks that follow a body's reading). */
public final class Problems {
    private final List<FieldProblem> problems = new ArrayList<>();

    public Problems add(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    public Problems addAll(List<FieldProblem> more) {
        problems.addAll(more);
        return this;
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws the problems, if any, as one {@code 400}. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
