package dev.cohort.web;

/**
 * Which requests are API calls and which credential each takes, by path: one place for the filters that guard the
 * API and for the OpenAPI document that describes its security.
 */
public final class ApiPaths {
    private ApiPaths() {
    }

    /** An API call: {@code /v1...} or {@code /admin/v1...} (not the page, the docs or health). */
    public static boolean api(String path) {
        return path.startsWith("/v1/") || path.equals("/v1") || admin(path);
    }

    /** The server-admin API, which takes {@code COHORT_ADMIN_TOKEN}. */
    public static boolean admin(String path) {
        return path.startsWith("/admin/v1");
    }

    /** The member-facing API, which takes a member token. */
    public static boolean member(String path) {
        return path.equals("/v1/me") || path.startsWith("/v1/me/");
    }
}
