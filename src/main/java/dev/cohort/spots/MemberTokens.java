package dev.cohort.spots;

import dev.cohort.web.Ids;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Member tokens: JWTs signed with HS256 by the Spot's member-token secret, {@code sub} = member id and a required
 * {@code exp}. Verification names the exact reason a token is refused.
 */
@Component
public class MemberTokens {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final SpotService spots;
    private final Clock clock;

    MemberTokens(SpotService spots, Clock clock) {
        this.spots = spots;
        this.clock = clock;
    }

    /** A token was refused; the message says why. */
    public static class InvalidTokenException extends RuntimeException {
        InvalidTokenException(String message) {
            super(message);
        }
    }

    static boolean looksLikeJwt(String credential) {
        return credential.startsWith("eyJ") && credential.chars().filter(c -> c == '.').count() == 2;
    }

    /** Signs a token for a member, for host platforms and tests. */
    public static String sign(String secret, UUID memberId, Instant expiresAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("sub", memberId.toString());
        payload.put("iat", Instant.now().getEpochSecond());
        payload.put("exp", expiresAt.getEpochSecond());
        String header = ENCODER.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = ENCODER.encodeToString(JSON.writeValueAsBytes(payload));
        return header + "." + body + "." + ENCODER.encodeToString(hmac(secret, header + "." + body));
    }

    Caller verify(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("malformed token: a JWT has three parts");
        }
        JsonNode header = decode(parts[0], "header");
        JsonNode payload = decode(parts[1], "payload");
        if (!"HS256".equals(header.path("alg").asString(""))) {
            throw new InvalidTokenException("unsupported algorithm: only HS256 is accepted");
        }
        UUID memberId = Ids.parse(payload.path("sub").asString(""));
        if (memberId == null) {
            throw new InvalidTokenException("the 'sub' claim must be a member id");
        }
        JsonNode exp = payload.get("exp");
        if (exp == null || !exp.isNumber()) {
            throw new InvalidTokenException("the 'exp' claim is required");
        }
        SpotRepository.MemberSecret owner = spots.secretForMember(memberId)
                .orElseThrow(() -> new InvalidTokenException("unknown member"));
        byte[] expected = hmac(owner.secret(), parts[0] + "." + parts[1]);
        byte[] given;
        try {
            given = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("malformed signature");
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw new InvalidTokenException("invalid signature");
        }
        if (exp.asLong() <= clock.instant().getEpochSecond()) {
            throw new InvalidTokenException("token expired");
        }
        return Caller.member(owner.spotId(), memberId);
    }

    private static JsonNode decode(String part, String name) {
        try {
            JsonNode node = JSON.readTree(DECODER.decode(part));
            if (!node.isObject()) {
                throw new InvalidTokenException("malformed token " + name);
            }
            return node;
        } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
            throw new InvalidTokenException("malformed token " + name);
        }
    }

    private static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
