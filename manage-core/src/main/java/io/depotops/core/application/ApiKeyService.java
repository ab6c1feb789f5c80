package io.depotops.core.application;

import io.depotops.core.application.port.ApiKeyRepository;
import io.depotops.core.domain.ApiKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Issues, lists, revokes and checks public API keys. A key reads {@code dk_<prefix>_<secret>}: the
 * prefix locates it, the 256-bit secret proves it. Keys are random, so a plain SHA-256 digest is
 * enough to store them (no password stretching needed), and checking one costs one lookup.
 */
@ApplicationScoped
public class ApiKeyService {

    /** A key shown once, at issue. */
    public record IssuedKey(ApiKey key, String secret) {}

    private static final Set<String> ROLES = Set.of("viewer", "operator");
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeyService(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Transactional
    public IssuedKey issue(UUID workspaceId, String name, String role) {
        if (!ROLES.contains(role)) {
            throw new InvalidInputException("role", "must be one of " + ROLES);
        }
        String prefix = randomText(10);
        String secret = randomText(43);
        ApiKey key = keys.insert(new ApiKey(
                UUID.randomUUID(), workspaceId, name.strip(), prefix, sha256(secret), role, Instant.now(), null, null));
        return new IssuedKey(key, "dk_" + prefix + "_" + secret);
    }

    public List<ApiKey> list(UUID workspaceId) {
        return keys.list(workspaceId);
    }

    @Transactional
    public void revoke(UUID workspaceId, UUID id) {
        if (!keys.revoke(workspaceId, id, Instant.now())) {
            throw new NotFoundException("API key", id);
        }
    }

    /** The key a presented secret proves, unless unknown, wrong or revoked. */
    @Transactional
    public Optional<ApiKey> authenticate(String presented) {
        if (presented == null || !presented.startsWith("dk_")) {
            return Optional.empty();
        }
        String[] parts = presented.split("_", 3);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Optional<ApiKey> found = keys.findByPrefix(parts[1])
                .filter(key -> !key.revoked())
                .filter(key -> MessageDigest.isEqual(
                        key.secretSha256().getBytes(StandardCharsets.US_ASCII),
                        sha256(parts[2]).getBytes(StandardCharsets.US_ASCII)));
        found.ifPresent(key -> {
            Instant now = clock.instant();
            // Recorded at most once a minute: a busy key must not turn every read into a write.
            if (key.lastUsedAt() == null || key.lastUsedAt().isBefore(now.minus(TOUCH_INTERVAL))) {
                keys.touch(key.id(), now);
            }
        });
        return found;
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static String sha256(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
