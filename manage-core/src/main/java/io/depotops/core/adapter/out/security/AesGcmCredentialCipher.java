package io.depotops.core.adapter.out.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.core.application.port.CredentialCipher;
import io.depotops.core.domain.ProviderCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * AES-256-GCM from the JDK. Stored value: 12-byte random nonce, then ciphertext with its 128-bit
 * tag; the context is authenticated data. New secrets use the current key; the key id stored
 * beside each ciphertext picks the key to open it, so retired keys keep working until re-sealed.
 */
@ApplicationScoped
class AesGcmCredentialCipher implements CredentialCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final ObjectMapper json;
    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();

    AesGcmCredentialCipher(
            ObjectMapper json,
            // Required: Quarkus validates it at startup, so core refuses to start without it.
            @ConfigProperty(name = "depotops.core.telematics.credentials-key") String currentKey,
            @ConfigProperty(name = "depotops.core.telematics.credentials-key-id", defaultValue = "k1")
                    String currentKeyId,
            @ConfigProperty(name = "depotops.core.telematics.credentials-retired-keys")
                    Optional<List<String>> retiredKeys) {
        this.json = json;
        this.currentKeyId = currentKeyId;
        keys.put(currentKeyId, key(currentKey));
        retiredKeys.orElse(List.of()).forEach(entry -> {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("retired credentials keys are id:base64-key");
            }
            keys.putIfAbsent(entry.substring(0, colon), key(entry.substring(colon + 1)));
        });
    }

    @Override
    public Sealed seal(ProviderCredentials credentials, String context) {
        SecretKey key = keys.get(currentKeyId);
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(credentials));
            return new Sealed(
                    currentKeyId,
                    ByteBuffer.allocate(nonce.length + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("credentials could not be sealed", e);
        }
    }

    @Override
    public ProviderCredentials open(Sealed sealed, String context) {
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no credentials key with id " + sealed.keyId() + " is configured");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.ciphertext(), 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] clear = cipher.doFinal(sealed.ciphertext(), NONCE_BYTES, sealed.ciphertext().length - NONCE_BYTES);
            return json.readValue(clear, ProviderCredentials.class);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("credentials could not be opened (wrong key or tampered)", e);
        }
    }

    private static SecretKey key(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64.strip());
        if (bytes.length != 32) {
            throw new IllegalArgumentException("a credentials key is 256 bits (32 bytes, base64)");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
