package dev.cohort.spots;

import dev.cohort.errors.NotFoundException;
import dev.cohort.web.JsonBody;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
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
import tools.jackson.databind.JsonNode;

/** Server-admin endpoints, guarded by {@code COHORT_ADMIN_TOKEN} (disabled when it is unset). */
@RestController
@RequestMapping("/admin/v1/spots")
@Tag(name = "Admin: Spots", description = "Server administration: Spots, API keys, member-token secrets")
class AdminController {
    private final SpotService spots;

    AdminController(SpotService spots) {
        this.spots = spots;
    }

    record CreatedSpotView(Spot spot, String apiKey, String memberTokenSecret) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSpot",
            summary = "Create a Spot; its API key and member-token secret are returned this once",
            description = "The secrets are stored hashed or encrypted and never shown again; rotate them to get new ones.")
    CreatedSpotView create(@RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        String name = json.requiredText("name");
        json.validate();
        SpotService.CreatedSpot created = spots.create(name, null, null);
        return new CreatedSpotView(created.spot(), created.apiKey(), created.memberTokenSecret());
    }

    @GetMapping
    @Operation(operationId = "listSpots", summary = "List Spots",
            description = "Every Spot of this server, oldest first.")
    ListPage<Spot> list(@RequestParam MultiValueMap<String, String> query) {
        return spots.list(Paging.from(query));
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
    Map<String, Object> rotateKey(@PathVariable UUID spotId) {
        return Map.of("spotId", spotId, "apiKey", spots.rotateKey(spotId));
    }

    @GetMapping("/{spotId}/memberTokenSecret")
    @Operation(operationId = "getMemberTokenSecret",
            summary = "Read the secret that signs the Spot's member tokens (HS256)",
            description = "Host platforms sign member tokens with it.")
    Map<String, Object> memberTokenSecret(@PathVariable UUID spotId) {
        return Map.of("spotId", spotId, "memberTokenSecret", spots.memberTokenSecret(spotId));
    }

    @PostMapping("/{spotId}/memberTokenSecret~rotate")
    @Operation(operationId = "rotateMemberTokenSecret",
            summary = "Rotate the member-token secret: tokens signed with the old one stop working",
            description = "The new secret is returned in this answer.")
    Map<String, Object> rotateMemberTokenSecret(@PathVariable UUID spotId) {
        return Map.of("spotId", spotId, "memberTokenSecret", spots.rotateMemberTokenSecret(spotId));
    }

    @PostMapping("/{spotId}/memberTokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "signMemberToken",
            summary = "Sign a member token for one of the Spot's members (for host platforms and testing)",
            description = "HS256 with the Spot's member-token secret; sub is the member id.")
    Map<String, Object> memberToken(@PathVariable UUID spotId, @RequestBody(required = false) JsonNode body) {
        JsonBody json = JsonBody.of(body);
        UUID memberId = json.uuid("spotMemberId");
        if (memberId == null && json.valid()) {
            json.problem("spotMemberId", "is required");
        }
        Long ttl = json.integer("expiresInSeconds");
        if (ttl != null && (ttl < 1 || ttl > 31_536_000)) {
            json.problem("expiresInSeconds", "must be between 1 and 31536000");
        }
        json.validate();
        String secret = spots.memberTokenSecret(spotId);
        boolean inSpot = spots.secretForMember(memberId).map(o -> o.spotId().equals(spotId)).orElse(false);
        if (!inSpot) {
            throw new NotFoundException("Spot member");
        }
        Instant expiresAt = Instant.now().plusSeconds(ttl == null ? 3600 : ttl);
        return Map.of("token", MemberTokens.sign(secret, memberId, expiresAt),
                "expiresAt", expiresAt.getEpochSecond());
    }
}
