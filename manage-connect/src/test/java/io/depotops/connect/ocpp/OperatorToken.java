package io.depotops.connect.ocpp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An operator's JWT (RS256) signed with the development key of {@code deploy/dev-keys}, the key
 * the services verify by default. Plain JDK, so the tests need no token library.
 */
final class OperatorToken {

    private static String token;

    private OperatorToken() {}

    static synchronized String bearer() throws Exception {
        if (token == null) {
            long now = Instant.now().getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
            String claims = ("{\"iss\":\"https://depotops.io/dev\",\"aud\":\"depotops\",\"sub\":\"test-operator\","
                            + "\"upn\":\"test-operator\",\"groups\":[\"operator\"],\"workspaces\":[\"*\"],"
                            + "\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}")
                    .formatted(now, now + 3600, UUID.randomUUID());
            String unsigned = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + base64(claims.getBytes(StandardCharsets.UTF_8));
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(privateKey());
            signer.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            token = unsigned + "." + base64(signer.sign());
        }
        return "Bearer " + token;
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PrivateKey privateKey() throws Exception {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pem = dir.resolve("deploy/dev-keys/jwt-private.pem");
            if (Files.exists(pem)) {
                String base64 = Files.readString(pem)
                        .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                        .replaceAll("\\s", "");
                return KeyFactory.getInstance("RSA")
                        .generatePrivate(
                                new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            }
        }
        throw new IllegalStateException("deploy/dev-keys/jwt-private.pem not found");
    }
}
