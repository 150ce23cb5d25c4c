package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A problem body written by a servlet filter, before Spring MVC and its {@code ProblemAdvice} are reached: the same
 * RFC 9457 shape, ending with a newline like every JSON answer.
 */
public final class FilterProblem {
    private FilterProblem() {
    }

    /** Writes the problem; {@code error} (the bad field) may be null. */
    public static void write(HttpServletResponse response, int status, String title, String detail,
                             FieldProblem error) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        StringBuilder body = new StringBuilder("{\"type\":\"https://cohort.dev/problems/").append(status)
                .append("\",\"title\":\"").append(text(title)).append("\",\"status\":").append(status)
                .append(",\"detail\":\"").append(text(detail)).append('"');
        if (error != null) {
            body.append(",\"errors\":[{\"field\":\"").append(text(error.field())).append("\",\"message\":\"")
                    .append(text(error.message())).append("\"}]");
        }
        body.append("}\n");
        response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Texts are the filters' own sentences (and a token's reason): quotes become apostrophes, as they always did. */
    private static String text(String value) {
        return value.replace("\"", "'");
    }
}
