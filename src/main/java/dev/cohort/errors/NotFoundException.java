package dev.cohort.errors;

/** Something the caller named does not exist in the caller's Spot (or exists only in another one). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
