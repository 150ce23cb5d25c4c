package dev.cohort.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Writes each email to {@code <dir>/<message id>.eml}: first to a temporary file, then moved into place
 * atomically, so a file is never seen half-written and a redelivery replaces the same file.
 */
final class FileTransport implements MailTransport {
    private final Session session = Session.getInstance(new Properties());
    private final Path dir;
    private final String from;

    FileTransport(Path dir, String from) {
        this.dir = dir;
        this.from = from;
    }

    @Override
    public void send(Email email) throws MessagingException, IOException {
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, "." + email.messageId(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                email.toMime(session, from).writeTo(out);
            }
            Files.move(temporary, dir.resolve(email.messageId() + ".eml"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public String describe() {
        return "files in " + dir + " (set COHORT_SMTP_HOST to send through SMTP)";
    }
}
