package io.depotops.platform.testing;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;

/**
 * Service tokens for tests of internal endpoints, signed with the development service key of
 * {@code deploy/dev-keys} as a service in {@code %dev}/{@code %test} signs them (ADR 0008).
 */
public final class DevServiceTokens {

    private static PrivateKey key;

    private DevServiceTokens() {}

    /** A token of {@code caller} for calls to {@code audience}, valid for five minutes. */
    public static String token(String caller, String audience) {
        Instant now = Instant.now();
        return Jwt.issuer("urn:depotops:service:" + caller)
                .subject(caller)
                .audience(audience)
                .issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5)))
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .sign(privateKey());
    }

    private static synchronized PrivateKey privateKey() {
        if (key == null) {
            Path pem = DevTokens.devKey("service-private.pem");
            try {
                key = KeyUtils.decodePrivateKey(Files.readString(pem), SignatureAlgorithm.ES256);
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the development service key " + pem, e);
            }
        }
        return key;
    }
}
