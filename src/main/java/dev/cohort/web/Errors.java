package dev.cohort.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an operation answers beyond those the OpenAPI document infers from its shape (400 for a body
 * or query, 404 for a path id, 401 and 429 from its security): typically {@code 409} and {@code 413}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Errors {
    int[] value();
}
