package dev.cohort.spots;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.cohort.errors.NotFoundException;
import dev.cohort.web.ListPage;
import dev.cohort.web.Paging;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates Spots, issues and rotates their API keys and member-token secrets, and resolves keys to Spots. */
@Service
public class SpotService {
    private static final Logger log = LoggerFactory.getLogger(SpotService.class);
    private static final long KEY_CACHE_MILLIS = 10_000;

    private final SpotRepository spots;
    private final Map<String, CachedKey> keyCache = new ConcurrentHashMap<>();

    SpotService(SpotRepository spots) {
        this.spots = spots;
    }

    /** A new Spot with the key and member-token secret shown to the caller once. */
    public record CreatedSpot(Spot spot, String apiKey, String memberTokenSecret) {
    }

    record CachedKey(SpotRepository.KeyOwner owner, long expiresAt) {
    }

    @Transactional
    public CreatedSpot create(String name, String apiKey, String memberTokenSecret) {
        String secret = memberTokenSecret != null ? memberTokenSecret : Secrets.newMemberTokenSecret();
        String key = apiKey != null ? apiKey : Secrets.newApiKey();
        Spot spot = spots.insert(name, secret);
        spots.insertKey(spot.id(), key);
        log.info("Created Spot {} ({})", spot.id(), name);
        return new CreatedSpot(spot, key, secret);
    }

    /** Creates the Default Spot on a start with an empty database; empty when Spots already exist. */
    @Transactional
    public Optional<CreatedSpot> bootstrap(String apiKey, String memberTokenSecret) {
        spots.lockBootstrap();
        if (spots.count() > 0) {
            return Optional.empty();
        }
        return Optional.of(create("Default Spot", apiKey, memberTokenSecret));
    }

    public ListPage<Spot> list(Paging paging) {
        return new ListPage<>(spots.list(paging.limit(), paging.offset()), spots.count());
    }

    public Spot get(UUID id) {
        return spots.find(id).orElseThrow(() -> new NotFoundException("Spot"));
    }

    /** A new key for the Spot; every earlier key stops working at once. */
    @Transactional
    public String rotateKey(UUID spotId) {
        get(spotId);
        spots.revokeKeys(spotId);
        String key = Secrets.newApiKey();
        spots.insertKey(spotId, key);
        keyCache.clear();
        log.info("Rotated the API key of Spot {}: earlier keys are revoked", spotId);
        return key;
    }

    public String memberTokenSecret(UUID spotId) {
        return spots.memberTokenSecret(spotId).orElseThrow(() -> new NotFoundException("Spot"));
    }

    @Transactional
    public String rotateMemberTokenSecret(UUID spotId) {
        get(spotId);
        String secret = Secrets.newMemberTokenSecret();
        spots.setMemberTokenSecret(spotId, secret);
        return secret;
    }

    /** The Spot a raw API key belongs to, if the key is known and not revoked. */
    Optional<UUID> spotForKey(String key) {
        String hash = Secrets.hash(key);
        long now = System.currentTimeMillis();
        CachedKey cached = keyCache.get(hash);
        if (cached != null && cached.expiresAt() > now) {
            return Optional.of(cached.owner().spotId());
        }
        Optional<SpotRepository.KeyOwner> owner = spots.findKey(hash);
        owner.ifPresentOrElse(o -> keyCache.put(hash, new CachedKey(o, now + KEY_CACHE_MILLIS)),
                () -> keyCache.remove(hash));
        return owner.map(SpotRepository.KeyOwner::spotId);
    }

    Optional<SpotRepository.MemberSecret> secretForMember(UUID memberId) {
        return spots.secretForMember(memberId);
    }
}
