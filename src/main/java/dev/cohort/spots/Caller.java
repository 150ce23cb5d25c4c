package dev.cohort.spots;

import java.util.UUID;

/**
 * Who is calling: a Spot's API key ({@code memberId} null) or one member with a member token. Resolved once per
 * request by {@link AuthenticationFilter}; controllers receive it as a parameter.
 */
public record Caller(UUID spotId, UUID memberId) {
    public static Caller spotKey(UUID spotId) {
        return new Caller(spotId, null);
    }

    public static Caller member(UUID spotId, UUID memberId) {
        return new Caller(spotId, memberId);
    }
}
