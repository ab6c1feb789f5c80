package io.depotops.platform.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Users' tokens for tests, signed with the development key of {@code deploy/dev-keys} (the key
 * every service verifies by default), as {@code deploy/dev token} mints them.
 */
public final class DevTokens {

    public static final String ISSUER = "https://depotops.io/dev";
    public static final String AUDIENCE = "depotops";

    private static PrivateKey key;

    private DevTokens() {}

    /** A token with one role for the given workspaces ({@code "*"}: all of them). */
    public static String token(String role, String... workspaces) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("test-" + role)
                .groups(Set.of(role))
                .claim("workspaces", List.of(workspaces))
                .sign(privateKey());
    }

    private static synchronized PrivateKey privateKey() {
        if (key == null) {
            key = read(devKey("jwt-private.pem"));
        }
        return key;
    }

    /** A file of deploy/dev-keys in the repository above the module under test. */
    static Path devKey(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/dev-keys").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "deploy/dev-keys/" + name + " not found above " + Path.of("").toAbsolutePath());
    }

    private static PrivateKey read(Path pem) {
        try {
            String base64 = Files.readString(pem)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", "");
            PKCS8EncodedKeySpec spec =
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64));
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development signing key " + pem, e);
        }
    }
}
