package dev.cohort.web;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link Body} records from JSON with {@link BodyReader}: the JSON is parsed as a tree first, so that a body
 * that is not JSON is told apart (with its line and column) from one whose fields are wrong (each named).
 */
final class BodyConverter extends AbstractHttpMessageConverter<Object> {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    BodyConverter() {
        super(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return clazz.isAnnotationPresent(Body.class);
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> clazz, HttpInputMessage input) throws IOException {
        JsonNode node;
        try (InputStream body = input.getBody()) {
            node = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new HttpMessageNotReadableException(notJson(e), e, input);
        }
        return BodyReader.read(node, clazz);
    }

    /** Where the JSON broke, without the parser's internals. */
    static String notJson(JacksonException e) {
        TokenStreamLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? "not valid JSON"
                : "not valid JSON (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    @Override
    protected void writeInternal(Object o, HttpOutputMessage output) {
        throw new UnsupportedOperationException("BodyConverter only reads");
    }
}
