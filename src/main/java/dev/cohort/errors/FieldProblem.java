package dev.cohort.errors;

/** One bad field of a request and why it is bad; {@code field} is a JSON path, a query parameter or a CSV column. */
public record FieldProblem(String field, String message) {
}
