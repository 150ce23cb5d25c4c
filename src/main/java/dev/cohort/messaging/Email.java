package dev.cohort.messaging;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.UUID;

/** One plain-text, UTF-8 email; {@code messageId} makes every delivery of it recognisable as the same email. */
record Email(UUID messageId, String to, String toName, String subject, String body) {

    String messageIdHeader() {
        return "<" + messageId + "@cohort>";
    }

    MimeMessage toMime(Session session, String from) throws MessagingException {
        String header = messageIdHeader();
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // Our id, not a fresh one per send: a redelivery after a crash is the same email to the recipient.
                setHeader("Message-ID", header);
            }
        };
        message.setFrom(new InternetAddress(from));
        try {
            message.setRecipient(Message.RecipientType.TO, toName == null || toName.isBlank()
                    ? new InternetAddress(to, true) : new InternetAddress(to, toName, "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        message.setSubject(subject, "UTF-8");
        message.setText(body, "UTF-8");
        message.setSentDate(new Date());
        message.saveChanges();
        return message;
    }
}
