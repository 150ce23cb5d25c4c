package dev.cohort.errors;

/** What the caller named existed but is no longer active, for good (a community group's retired slug). */
public class GoneException extends RuntimeException {
    public GoneException(String message) {
        super(message);
    }
}
