package dev.cohort.web;

import dev.cohort.errors.ConflictException;
import dev.cohort.errors.FieldProblem;
import dev.cohort.errors.ForbiddenException;
import dev.cohort.errors.GoneException;
import dev.cohort.errors.InvalidInputException;
import dev.cohort.errors.NotFoundException;
import dev.cohort.errors.TooLargeException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns the domain exceptions and Spring's request errors into RFC 9457 problem bodies. */
@RestControllerAdvice
class ProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    static ProblemDetail problem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        body.setType(URI.create("https://cohort.dev/problems/" + status.value()));
        if (errors != null && !errors.isEmpty()) {
            body.setProperty("errors", errors);
        }
        return body;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return problem(HttpStatus.BAD_REQUEST, e.query() ? "Invalid query parameter" : "Invalid request body",
                e.getMessage(), e.problems());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage(),
                List.of(new FieldProblem(e.field(), e.getMessage())));
    }

    @ExceptionHandler(GoneException.class)
    ProblemDetail gone(GoneException e) {
        return problem(HttpStatus.GONE, "Gone", e.getMessage(), null);
    }

    @ExceptionHandler(ForbiddenException.class)
    ProblemDetail forbidden(ForbiddenException e) {
        ProblemDetail body = problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), List.of());
        body.setProperty("missingRight", e.right());
        return body;
    }

    @ExceptionHandler(TooLargeException.class)
    ProblemDetail tooLarge(TooLargeException e) {
        ProblemDetail body = problem(HttpStatus.PAYLOAD_TOO_LARGE, "Payload is too large", e.getMessage(),
                List.of(new FieldProblem(e.field(), "at most " + e.limit() + " items")));
        body.setProperty("limit", e.limit());
        return body;
    }

    /** A body that is missing or not JSON; the parser's own words (class names, buffers) are not repeated. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("Required request body is missing")) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request body", "body: a JSON body is required",
                    List.of(new FieldProblem("body", "a JSON body is required")));
        }
        Throwable cause = e.getMostSpecificCause();
        String why = cause instanceof tools.jackson.databind.exc.MismatchedInputException
                ? "does not have the expected shape (an object or an array, as the operation documents)"
                : cause instanceof tools.jackson.core.JacksonException jackson ? BodyConverter.notJson(jackson)
                : "not valid JSON";
        return problem(HttpStatus.BAD_REQUEST, "Invalid request body", "body: " + why,
                List.of(new FieldProblem("body", why)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String field = e.getName();
        String detail = e.getRequiredType() == java.util.UUID.class ? "must be a UUID" : "has the wrong type";
        if (e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)
                && e.getRequiredType() == java.util.UUID.class) {
            // A malformed id in a path can never name anything: same answer as an unknown id.
            return problem(HttpStatus.NOT_FOUND, "Not found", field + " '" + e.getValue() + "' does not exist", null);
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid query parameter", field + " " + detail,
                List.of(new FieldProblem(field, detail)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid query parameter", e.getParameterName() + " is required",
                List.of(new FieldProblem(e.getParameterName(), "is required")));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", e.getMessage(),
                List.of(new FieldProblem("Content-Type", "supported: " + e.getSupportedMediaTypes())));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", e.getMessage(), null);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noRoute(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "No endpoint " + e.getHttpMethod() + " /" + e.getResourcePath(), null);
    }

    /** A concurrent request removed something this one referred to (a member deleted while being added). */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail integrity(org.springframework.dao.DataIntegrityViolationException e) {
        log.info("Refused a change that conflicts with a concurrent one: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "Conflict",
                "The change conflicts with a concurrent change to the same data; nothing was changed, retry", null);
    }

    /** Two transactions waited on each other and PostgreSQL aborted this one; nothing was changed. */
    @ExceptionHandler(org.springframework.dao.PessimisticLockingFailureException.class)
    org.springframework.http.ResponseEntity<ProblemDetail> lockConflict(
            org.springframework.dao.PessimisticLockingFailureException e) {
        log.warn("Aborted by a lock conflict with a concurrent request: {}", e.getMostSpecificCause().getMessage());
        return org.springframework.http.ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "1")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Concurrent change",
                        "A concurrent request held the same data; nothing was changed, retry", null));
    }

    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", AcceptFilter.DETAIL, List.of(AcceptFilter.PROBLEM));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (e instanceof org.springframework.web.ErrorResponse error && error.getStatusCode().is4xxClientError()) {
            // Spring's other request errors (a missing header, a bad multipart): their status, no stack trace.
            HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
            log.debug("Client error {}: {}", status, e.getMessage());
            return problem(status, status.getReasonPhrase(), error.getBody().getDetail(), null);
        }
        log.error("Unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "An unexpected error occurred", null);
    }
}
