package dev.cohort.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A list operation whose query is read by a {@link Filters.Spec}: the OpenAPI document shows {@code page},
 * {@code limit}, the spec's plain parameters and each {@code field[op]} filter as a parameter of its own, generated
 * from the same spec the code parses with, so that the two cannot drift apart.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Filtered {
    /** The class holding the spec: a static field of type {@link Filters.Spec} or a static method returning one. */
    Class<?> value();

    /** The field or method's name, when the class holds more than one spec. */
    String member() default "";

    /** Whether the list pages with {@code page} and {@code limit}. */
    boolean paged() default true;
}
