package dev.cohort.errors;

/** The caller is known but lacks the right to do this; the message names the missing right. */
public class ForbiddenException extends RuntimeException {
    private final String right;

    public ForbiddenException(String right, String message) {
        super(message);
        this.right = right;
    }

    /** The missing right, as the problem body names it (e.g. {@code groups.approve}). */
    public String right() {
        return right;
    }
}
