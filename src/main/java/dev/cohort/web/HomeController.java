package dev.cohort.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** {@code /}: what this service is and where its documentation, OpenAPI document and health are. */
@RestController
class HomeController {
    private static final String VERSION = version();

    private static String version() {
        String version = HomeController.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String page() {
        return """
                <!doctype html>
                <html lang="en">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Cohort</title>
                <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;
                line-height:1.5}a{color:#1d4ed8}</style></head>
                <body>
                <h1>Cohort</h1>
                <p>Members, groups and the access that follows them. Version %s.</p>
                <ul>
                <li><a href="/docs">API documentation</a> (Swagger UI)</li>
                <li><a href="/v3/api-docs">OpenAPI document</a> (OpenAPI 3.1, JSON)</li>
                <li><a href="/actuator/health">Health</a></li>
                </ul>
                </body>
                </html>
                """.formatted(HtmlUtils.htmlEscape(VERSION));
    }

    @GetMapping(value = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> json() {
        Map<String, Object> home = new LinkedHashMap<>();
        home.put("name", "Cohort");
        home.put("version", VERSION);
        home.put("docs", "/docs");
        home.put("openapi", "/v3/api-docs");
        home.put("health", "/actuator/health");
        return home;
    }
}
