package io.depotops.core.adapter.out.security;

import io.depotops.core.application.port.SecretHasher;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2-HMAC-SHA256 (the JDK's) with a random salt per secret, stored as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>} so the cost can rise later without breaking old hashes.
 *
 * <p>A successful verification is remembered per stored hash as an HMAC of the secret under a key
 * that exists only in this process: when a whole fleet reconnects at once (connect restarted),
 * core pays one PBKDF2 (~50 ms of CPU) per charger, not one per connection, which would take
 * minutes for 10,000 chargers. Failures are never remembered, so guessing still costs a PBKDF2 per
 * attempt; a changed password has a new stored hash, so the old entry no longer applies.
 */
@ApplicationScoped
class Pbkdf2SecretHasher implements SecretHasher {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int ITERATIONS = 120_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    /** Recently verified secrets; enough for every charger of a large installation. */
    static final int REMEMBERED = 50_000;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec processKey;
    private final Map<String, byte[]> verified = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > REMEMBERED;
        }
    });

    Pbkdf2SecretHasher() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        processKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(secret, salt, ITERATIONS);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return String.join(
                "$", PREFIX, String.valueOf(ITERATIONS), base64.encodeToString(salt), base64.encodeToString(hash));
    }

    @Override
    public boolean matches(String secret, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !PREFIX.equals(parts[0])) {
            return false;
        }
        byte[] tag = tag(secret);
        byte[] known = verified.get(stored);
        if (known != null && MessageDigest.isEqual(known, tag)) {
            return true;
        }
        Base64.Decoder base64 = Base64.getDecoder();
        byte[] expected = base64.decode(parts[3]);
        byte[] actual = derive(secret, base64.decode(parts[2]), Integer.parseInt(parts[1]));
        boolean matches = MessageDigest.isEqual(expected, actual);
        if (matches) {
            verified.put(stored, tag);
        }
        return matches;
    }

    private byte[] tag(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(processKey);
            return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] derive(String secret, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2 is not available", e);
        }
    }
}
