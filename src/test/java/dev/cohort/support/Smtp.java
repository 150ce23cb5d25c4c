package dev.cohort.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A real SMTP server (GreenMail) on a free local port, and counting what it received by Message-ID. */
public final class Smtp {
    private Smtp() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static GreenMail start() {
        GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getHeader("Message-ID", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many times each of {@code ids} arrived (ids that never arrived are absent). */
    public static Map<UUID, Integer> received(GreenMail server, Collection<UUID> ids) {
        Map<String, UUID> byHeader = ids.stream().collect(Collectors.toMap(id -> "<" + id + "@cohort>", id -> id));
        Map<UUID, Integer> counts = new HashMap<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            UUID id = byHeader.get(messageId(message));
            if (id != null) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    public static List<MimeMessage> messagesTo(GreenMail server, String email) {
        return List.of(server.getReceivedMessagesForDomain(email));
    }
}
