package dev.cohort.spots;

import dev.cohort.system.Settings;
import dev.cohort.web.ApiPaths;
import dev.cohort.web.FilterProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one authorization decision at the top of every call: {@code /admin/v1} needs the server admin token,
 * {@code /v1/me} a member token, every other {@code /v1} path a Spot API key (then the rate limit applies).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuthenticationFilter extends OncePerRequestFilter {
    static final String CALLER = Caller.class.getName();
    private static final Logger log = LoggerFactory.getLogger(AuthenticationFilter.class);

    private final SpotService spots;
    private final MemberTokens tokens;
    private final RateLimiter rateLimiter;
    private final Optional<String> adminToken;

    AuthenticationFilter(SpotService spots, MemberTokens tokens, RateLimiter rateLimiter, Settings settings) {
        this.spots = spots;
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.adminToken = settings.adminToken();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.api(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        String credential = credential(request.getHeader("Authorization"));
        if (ApiPaths.admin(path)) {
            if (adminToken.isEmpty()) {
                reject(response, 404, "Not found", "The admin API is disabled: set COHORT_ADMIN_TOKEN to enable it");
            } else if (credential == null || !Secrets.constantTimeEquals(credential, adminToken.get())) {
                reject(response, 401, "Unauthorized", "The admin API needs 'Authorization: Bearer <COHORT_ADMIN_TOKEN>'");
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        if (credential == null) {
            reject(response, 401, "Unauthorized", "Missing Authorization header: send the Spot's API key"
                    + " (or, on /v1/me, 'Bearer <member token>')");
            return;
        }
        if (ApiPaths.member(path)) {
            try {
                request.setAttribute(CALLER, tokens.verify(credential));
            } catch (MemberTokens.InvalidTokenException e) {
                reject(response, 401, "Unauthorized", "Invalid member token: " + e.getMessage());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        Optional<UUID> spot = spots.spotForKey(credential);
        if (spot.isEmpty()) {
            reject(response, 401, "Unauthorized", MemberTokens.looksLikeJwt(credential)
                    ? "Member tokens are accepted on /v1/me endpoints only; this endpoint needs the Spot's API key"
                    : "Unknown or revoked API key");
            return;
        }
        long wait = rateLimiter.acquire(spot.get());
        if (wait > 0) {
            response.setHeader("Retry-After", Long.toString(wait));
            reject(response, 429, "Too many requests", "Rate limit exceeded for this key; retry in " + wait + " s");
            return;
        }
        request.setAttribute(CALLER, Caller.spotKey(spot.get()));
        chain.doFilter(request, response);
    }

    private static String credential(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).trim();
        }
        return value.isEmpty() ? null : value;
    }

    private static void reject(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        log.debug("Rejected with {}: {}", status, detail);
        if (status == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"cohort\"");
        }
        FilterProblem.write(response, status, title, detail, null);
    }
}
