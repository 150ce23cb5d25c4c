package dev.cohort.web;

import dev.cohort.errors.FieldProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The API answers JSON only: a request whose {@code Accept} allows neither {@code application/json} nor
 * {@code application/problem+json} gets a {@code 406} problem before anything runs, so that nothing is changed for
 * an answer the client could not read.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AcceptFilter extends OncePerRequestFilter {
    static final String DETAIL = "This API answers application/json (and application/problem+json for errors); "
            + "send Accept: application/json or leave Accept out";
    /** The bad field of a 406, here and when Spring finds no converter for the answer (ProblemAdvice). */
    static final FieldProblem PROBLEM = new FieldProblem("Accept", "supported: application/json, application/problem+json");
    private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON,
            MediaType.APPLICATION_PROBLEM_JSON);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.api(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank() || acceptable(accept)) {
            chain.doFilter(request, response);
            return;
        }
        FilterProblem.write(response, 406, "Not acceptable", DETAIL, PROBLEM);
    }

    private static boolean acceptable(String accept) {
        try {
            for (MediaType wanted : MediaType.parseMediaTypes(accept)) {
                if (wanted.getQualityValue() > 0 && ANSWERS.stream().anyMatch(wanted::isCompatibleWith)) {
                    return true;
                }
            }
            return false;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
