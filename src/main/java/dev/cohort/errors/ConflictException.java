package dev.cohort.errors;

/** The request is well-formed but clashes with the current state (a duplicate email, a refused edit). */
public class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
