package dev.cohort.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body record, read strictly by {@link BodyReader}: every component is a documented field, checked for its
 * JSON type and for its {@code jakarta.validation} constraints ({@code @NotNull}, {@code @NotBlank}, {@code @Size},
 * {@code @Min}, {@code @Max}) and {@code @Schema(allowableValues)}; any other field is a {@code 400} naming it.
 * Every problem of the body is reported at once.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface Body {
    /**
     * The objects the API answers with for this resource: their fields that the body does not have (read-only ones
     * such as {@code id} or {@code createdAt}) are ignored, so that a client can send back what it read.
     */
    Class<?>[] echoes() default {};

    /**
     * An update: an absent field is left as it is, and {@code null} is refused unless the component is an
     * {@link java.util.Optional} (then {@code null} clears the field: {@code Optional.empty()}).
     */
    boolean partial() default false;
}
