package dev.cohort.messaging;

import dev.cohort.system.Settings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SMTP when {@code COHORT_SMTP_HOST} is set, otherwise {@code .eml} files under {@code <data dir>/outbox}. */
@Configuration(proxyBeanMethods = false)
class MailConfig {

    @Bean
    MailTransport mailTransport(Settings settings) {
        String from = settings.get("COHORT_SMTP_FROM").orElse("cohort@localhost");
        return settings.get("COHORT_SMTP_HOST")
                .<MailTransport>map(host -> new SmtpTransport(host, settings.integer("COHORT_SMTP_PORT", 25),
                        settings.get("COHORT_SMTP_USER").orElse(null),
                        settings.get("COHORT_SMTP_PASSWORD").orElse(null), from,
                        Boolean.parseBoolean(settings.get("COHORT_SMTP_STARTTLS").orElse("false"))))
                .orElseGet(() -> new FileTransport(settings.dataDir().resolve("outbox"), from));
    }
}
