package dev.cohort.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The SMTP side of a test class, in one place: a real SMTP server (GreenMail) on a free local port — or a free port
 * where nothing listens — pointed at by the application's settings, stopped after the class; and counting what it
 * received by Message-ID or by recipient. Used as
 * <pre>
 * &#64;RegisterExtension
 * static final Smtp SMTP = Smtp.server();
 *
 * &#64;DynamicPropertySource
 * static void smtp(DynamicPropertyRegistry registry) {
 *     SMTP.register(registry);
 * }
 * </pre>
 */
public final class Smtp implements AfterAllCallback {
    private final @Nullable GreenMail server;
    private final int port;

    private Smtp(@Nullable GreenMail server, int port) {
        this.server = server;
        this.port = port;
    }

    /** A GreenMail SMTP server, started now on a free local port. */
    public static Smtp server() {
        GreenMail server = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return new Smtp(server, server.getSmtp().getPort());
    }

    /** A free local port where nothing listens: every delivery fails to connect. */
    public static Smtp closedPort() {
        return new Smtp(null, freePort());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the application's SMTP settings ({@code COHORT_SMTP_HOST}, {@code COHORT_SMTP_PORT}) here. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("COHORT_SMTP_HOST", () -> "127.0.0.1");
        registry.add("COHORT_SMTP_PORT", () -> port);
    }

    public int port() {
        return port;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop();
        }
    }

    /** Every message received so far. */
    public MimeMessage[] messages() {
        return running().getReceivedMessages();
    }

    /**
     * The messages whose recipients' addresses contain {@code email} (GreenMail's match: a part of an address, any
     * case); {@link #receivedBy} matches whole addresses.
     */
    public List<MimeMessage> messagesTo(String email) {
        return List.of(running().getReceivedMessagesForDomain(email));
    }

    /**
     * Every message received so far with {@code address} among its recipients (To, Cc, Bcc), compared as a whole
     * address ignoring case, in the order received. The server is shared by the test class, so a test that counts
     * one recipient's mail gives its members addresses no other test of the class uses.
     */
    public List<MimeMessage> receivedBy(String address) {
        return Arrays.stream(messages()).filter(m -> recipients(m).contains(address.toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** The addresses a message was sent to (To, Cc, Bcc), lower-cased, without display names. */
    public static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all)
                    .map(a -> a instanceof InternetAddress i ? i.getAddress() : a.toString())
                    .map(a -> a.toLowerCase(Locale.ROOT)).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many times each of {@code ids} arrived (ids that never arrived are absent). */
    public Map<UUID, Integer> received(Collection<UUID> ids) {
        Map<String, UUID> byHeader = ids.stream().collect(Collectors.toMap(id -> "<" + id + "@cohort>", id -> id));
        Map<UUID, Integer> counts = new HashMap<>();
        for (MimeMessage message : messages()) {
            UUID id = byHeader.get(messageId(message));
            if (id != null) {
                counts.merge(id, 1, Integer::sum);
            }
        }
        return counts;
    }

    public static String messageId(MimeMessage message) {
        try {
            return message.getHeader("Message-ID", null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private GreenMail running() {
        if (server == null) {
            throw new IllegalStateException("no SMTP server listens on port " + port);
        }
        return server;
    }
}
