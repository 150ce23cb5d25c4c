package dev.cohort.errors;

/** A bulk request carries more items than the configured limit. */
public class TooLargeException extends RuntimeException {
    private final String field;
    private final int limit;

    public TooLargeException(String field, int limit, int actual) {
        super(field + ": " + actual + " items, at most " + limit + " allowed in one request");
        this.field = field;
        this.limit = limit;
    }

    /** Throws when a bulk request's {@code field} carries more than {@code limit} items. */
    public static void check(String field, int limit, java.util.Collection<?> items) {
        if (items.size() > limit) {
            throw new TooLargeException(field, limit, items.size());
        }
    }

    public String field() {
        return field;
    }

    public int limit() {
        return limit;
    }
}
