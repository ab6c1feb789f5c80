package io.depotops.platform.serviceauth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issues this service's short-lived service tokens: a JWT signed with its own key, issuer {@code
 * urn:depotops:service:<this service>}, audience the called service. One token per audience is
 * reused until a fifth of its lifetime is left, so a hot path signs once every few minutes.
 */
@ApplicationScoped
public class ServiceTokens {

    /** Issuer of the tokens of {@code service}. */
    public static String issuerOf(String service) {
        return "urn:depotops:service:" + service;
    }

    private record Issued(String token, Instant renewAt) {}

    private final String self;
    private final ServiceAuthSettings settings;
    private final Clock clock;
    private final Map<String, Issued> byAudience = new ConcurrentHashMap<>();
    private volatile PrivateKey key;

    @Inject
    ServiceTokens(@ConfigProperty(name = "quarkus.application.name") String self, ServiceAuthSettings settings) {
        this(self, settings, Clock.systemUTC());
    }

    ServiceTokens(String self, ServiceAuthSettings settings, Clock clock) {
        this.self = self;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Fails with a message naming the missing setting when this service cannot sign; callers of
     * internal endpoints run it at startup so that a misconfigured deployment does not start.
     */
    public void requireSigningKey() {
        signingKey();
    }

    /** A bearer token for a call to {@code audience} (the called service's name). */
    public String tokenFor(String audience) {
        Instant now = clock.instant();
        Issued current = byAudience.get(audience);
        if (current != null && now.isBefore(current.renewAt())) {
            return current.token();
        }
        Duration lifetime = settings.tokenLifetime();
        PrivateKey signingKey = signingKey();
        String token = Jwt.issuer(issuerOf(self))
                .subject(self)
                .audience(audience)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .claim("jti", UUID.randomUUID().toString())
                .jws()
                .algorithm(SignatureAlgorithm.ES256)
                .sign(signingKey);
        byAudience.put(
                audience, new Issued(token, now.plus(lifetime.multipliedBy(4).dividedBy(5))));
        return token;
    }

    private PrivateKey signingKey() {
        PrivateKey loaded = key;
        if (loaded == null) {
            String location = settings.signingKeyLocation()
                    .orElseThrow(() -> new IllegalStateException(
                            "depotops.service-auth.signing-key-location is not set: this service calls internal"
                                    + " endpoints of other services and needs its own service signing key"
                                    + " (DEPOTOPS_SERVICE_AUTH_SIGNING_KEY_LOCATION)"));
            loaded = key = privateKey(location);
        }
        return loaded;
    }

    /** Service keys are EC P-256 (ES256): small keys and tokens, fast to verify. */
    static PrivateKey privateKey(String location) {
        try {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of(location)), SignatureAlgorithm.ES256);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot read the service signing key " + location + " (an EC P-256 PKCS#8 PEM): " + e, e);
        }
    }
}
