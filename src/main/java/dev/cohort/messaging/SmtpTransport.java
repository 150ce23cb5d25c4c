package dev.cohort.messaging;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;

/** Sends each email to an SMTP server, with bounded timeouts so that a stuck server cannot hold a batch. */
final class SmtpTransport implements MailTransport {
    private static final String TIMEOUT_MILLIS = "10000";

    private final Session session;
    private final String host;
    private final int port;
    private final String from;
    private final String user;
    private final String password;

    SmtpTransport(String host, int port, String user, String password, String from, boolean startTls) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.auth", Boolean.toString(user != null));
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        properties.put("mail.smtp.starttls.required", Boolean.toString(startTls));
        this.session = Session.getInstance(properties);
        this.host = host;
        this.port = port;
        this.from = from;
        this.user = user;
        this.password = password;
    }

    @Override
    public void send(Email email) throws MessagingException {
        MimeMessage message = email.toMime(session, from);
        if (user != null) {
            Transport.send(message, user, password);
        } else {
            Transport.send(message);
        }
    }

    @Override
    public String describe() {
        return "SMTP " + host + ":" + port + (user == null ? "" : " as " + user) + ", from " + from;
    }
}
