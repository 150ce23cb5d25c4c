package dev.cohort.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** The request and response converters: strict {@link Body} records in, JSON ending with a newline out. */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {
    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof JacksonJsonHttpMessageConverter json) {
                // In place, so that the converters before it (byte arrays, strings) keep their turn.
                converters.set(i, new NewlineJson(json.getMapper()));
            }
        }
        converters.add(0, new BodyConverter());
    }

    /** Spring Boot's JSON converter with a newline after each answer (a terminal's prompt starts on its own line). */
    private static final class NewlineJson extends JacksonJsonHttpMessageConverter {
        NewlineJson(JsonMapper mapper) {
            super(mapper);
        }

        @Override
        protected void writeSuffix(JsonGenerator generator, Object object) {
            generator.writeRaw('\n');
        }
    }
}
