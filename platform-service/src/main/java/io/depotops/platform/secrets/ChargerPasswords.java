package io.depotops.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * Verifiers of chargers' basic-auth passwords: core stores them, connect checks a handshake
 * against them (its read model of the registry; ADR 0010).
 *
 * <p>OCPP 2.0.1 (A00.FR.205) has the CSMS generate charger passwords of 16 to 40 characters; such
 * a password is a random secret of about 100 bits or more, which a slow hash does not make
 * stronger but which makes a whole fleet reconnecting at once cost minutes of CPU. So, as with API
 * keys, a salted SHA-256 is the verifier: {@code sha256$<salt>$<hash>}, hash = SHA-256(salt ||
 * password). Verifiers written before (PBKDF2, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>})
 * are still checked; a successful check of one is remembered per process (an HMAC under a key
 * that exists only in this process, never failures), so each legacy charger costs one PBKDF2.
 */
public final class ChargerPasswords {

    private static final String SHA256 = "sha256";
    private static final String PBKDF2 = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int REMEMBERED_LEGACY = 50_000;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final SecretKeySpec processKey;
    private final Map<String, byte[]> verifiedLegacy =
            Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                    return size() > REMEMBERED_LEGACY;
                }
            });

    public ChargerPasswords() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        processKey = new SecretKeySpec(key, "HmacSHA256");
    }

    /** A new verifier of {@code password} with a fresh salt. */
    public static String verifierOf(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return String.join("$", SHA256, ENCODER.encodeToString(salt), ENCODER.encodeToString(sha256(salt, password)));
    }

    /** Whether the verifier costs a PBKDF2 to check (not to be run on an event loop). */
    public static boolean isSlow(String verifier) {
        return verifier != null && verifier.startsWith(PBKDF2 + "$");
    }

    /** Whether {@code password} is the one {@code verifier} was made of; false for any malformed input. */
    public boolean matches(String password, String verifier) {
        if (password == null || verifier == null) {
            return false;
        }
        String[] parts = verifier.split("\\$");
        try {
            if (parts.length == 3 && SHA256.equals(parts[0])) {
                return MessageDigest.isEqual(DECODER.decode(parts[2]), sha256(DECODER.decode(parts[1]), password));
            }
            if (parts.length == 4 && PBKDF2.equals(parts[0])) {
                return matchesLegacy(password, verifier, parts);
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    private boolean matchesLegacy(String password, String verifier, String[] parts) {
        byte[] tag = tag(password);
        byte[] known = verifiedLegacy.get(verifier);
        if (known != null && MessageDigest.isEqual(known, tag)) {
            return true;
        }
        boolean matches = MessageDigest.isEqual(
                DECODER.decode(parts[3]), pbkdf2(password, DECODER.decode(parts[2]), Integer.parseInt(parts[1])));
        if (matches) {
            verifiedLegacy.put(verifier, tag);
        }
        return matches;
    }

    private static byte[] sha256(byte[] salt, String password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    private byte[] tag(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(processKey);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
