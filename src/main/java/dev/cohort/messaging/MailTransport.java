package dev.cohort.messaging;

import java.io.IOException;
import jakarta.mail.MessagingException;

/** Where emails leave Cohort: an SMTP server, or files in the data directory. */
interface MailTransport {
    /** Delivers one email; throws when it could not (the outbox then retries it). */
    void send(Email email) throws MessagingException, IOException;

    /** A short description for the startup log. */
    String describe();
}
