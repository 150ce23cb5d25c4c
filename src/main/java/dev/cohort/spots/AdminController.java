package dev.cohort.spots;

import dev.cohort.errors.NotFoundException;
import dev.cohort.web.Body;
import dev.cohort.web.Filtered;
import dev.cohort.web.Filters;
import dev.cohort.web.ListPage;
import dev.cohort.web.ListQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Server-admin endpoints, guarded by {@code COHORT_ADMIN_TOKEN} (disabled when it is unset). */
@RestController
@RequestMapping("/admin/v1/spots")
@Tag(name = "Admin: Spots", description = "Server administration: Spots, API keys, member-token secrets")
class AdminController {
    static final long TOKEN_TTL_MAX = 31_536_000;
    /** The Spots list takes page and limit only. */
    private static final Filters.Spec PAGES = Filters.spec();

    private final SpotService spots;

    AdminController(SpotService spots) {
        this.spots = spots;
    }

    @Body(echoes = Spot.class)
    @Schema(description = "A new Spot")
    record CreateSpot(@NotBlank @Schema(example = "Acme community") String name) {
    }

    record CreatedSpotView(Spot spot, String apiKey, String memberTokenSecret) {
    }

    /** A Spot's new API key, shown this once. */
    record SpotKey(UUID spotId, String apiKey) {
    }

    /** The secret that signs a Spot's member tokens. */
    record SpotMemberTokenSecret(UUID spotId, String memberTokenSecret) {
    }

    @Body
    @Schema(description = "The member to sign a token for, and how long it lasts")
    record SignMemberToken(
            @NotNull @Schema(description = "A member of the Spot", example = "5f0c8a9e-3b1d-4c7a-9e2f-1a2b3c4d5e6f")
            UUID spotMemberId,
            @Min(1) @Max(TOKEN_TTL_MAX) @Schema(description = "Seconds until the token expires (default 3600)",
                    example = "3600") Long expiresInSeconds) {
    }

    /** A signed member token and when it expires (Unix seconds). */
    record SignedMemberToken(String token, long expiresAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSpot",
            summary = "Create a Spot; its API key and member-token secret are returned this once",
            description = "The secrets are stored hashed or encrypted and never shown again; rotate them to get new ones.")
    CreatedSpotView create(@RequestBody CreateSpot body) {
        SpotService.CreatedSpot created = spots.create(body.name(), null, null);
        return new CreatedSpotView(created.spot(), created.apiKey(), created.memberTokenSecret());
    }

    @GetMapping
    @Operation(operationId = "listSpots", summary = "List Spots",
            description = "Every Spot of this server, oldest first; page and limit.")
    @Filtered(value = AdminController.class, member = "PAGES")
    ListPage<Spot> list(@RequestParam MultiValueMap<String, String> query) {
        return spots.list(ListQuery.read(query, PAGES).paging());
    }

    @GetMapping("/{spotId}")
    @Operation(operationId = "getSpot", summary = "Get a Spot",
            description = "404 when no Spot has this id.")
    Spot get(@PathVariable UUID spotId) {
        return spots.get(spotId);
    }

    @PostMapping("/{spotId}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "rotateSpotKey",
            summary = "Rotate the Spot's API key: a new key is returned once, earlier keys stop working at once",
            description = "The new key is shown only in this answer.")
    SpotKey rotateKey(@PathVariable UUID spotId) {
        return new SpotKey(spotId, spots.rotateKey(spotId));
    }

    @GetMapping("/{spotId}/memberTokenSecret")
    @Operation(operationId = "getMemberTokenSecret",
            summary = "Read the secret that signs the Spot's member tokens (HS256)",
            description = "Host platforms sign member tokens with it.")
    SpotMemberTokenSecret memberTokenSecret(@PathVariable UUID spotId) {
        return new SpotMemberTokenSecret(spotId, spots.memberTokenSecret(spotId));
    }

    @PostMapping("/{spotId}/memberTokenSecret~rotate")
    @Operation(operationId = "rotateMemberTokenSecret",
            summary = "Rotate the member-token secret: tokens signed with the old one stop working",
            description = "The new secret is returned in this answer.")
    SpotMemberTokenSecret rotateMemberTokenSecret(@PathVariable UUID spotId) {
        return new SpotMemberTokenSecret(spotId, spots.rotateMemberTokenSecret(spotId));
    }

    @PostMapping("/{spotId}/memberTokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "signMemberToken",
            summary = "Sign a member token for one of the Spot's members (for host platforms and testing)",
            description = "HS256 with the Spot's member-token secret; sub is the member id. expiresInSeconds from 1 "
                    + "to 31536000 (a year), default 3600. 404 when the member is not one of the Spot's.")
    SignedMemberToken memberToken(@PathVariable UUID spotId, @RequestBody SignMemberToken body) {
        UUID memberId = body.spotMemberId();
        Long ttl = body.expiresInSeconds();
        String secret = spots.memberTokenSecret(spotId);
        boolean inSpot = spots.secretForMember(memberId).map(o -> o.spotId().equals(spotId)).orElse(false);
        if (!inSpot) {
            throw new NotFoundException("Spot member");
        }
        Instant expiresAt = Instant.now().plusSeconds(ttl == null ? 3600 : ttl);
        return new SignedMemberToken(MemberTokens.sign(secret, memberId, expiresAt), expiresAt.getEpochSecond());
    }
}
