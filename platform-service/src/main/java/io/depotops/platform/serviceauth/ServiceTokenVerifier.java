package io.depotops.platform.serviceauth;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Checks a service token presented to this service's internal listener: signed by the key of the
 * caller it names (one of {@code depotops.service-auth.trusted-callers}), for this service as
 * audience, not expired and not issued for longer than ten minutes.
 */
@ApplicationScoped
public class ServiceTokenVerifier {

    private static final String ISSUER_PREFIX = ServiceTokens.issuerOf("");
    private static final long MAX_LIFETIME_SECONDS = 600;

    private final JWTParser parser;
    private final Map<String, JWTAuthContextInfo> trusted;

    ServiceTokenVerifier(
            JWTParser parser,
            ServiceAuthSettings settings,
            @ConfigProperty(name = "quarkus.application.name") String self) {
        this.parser = parser;
        this.trusted = contexts(settings.trustedCallers().orElse(List.of()), self);
    }

    /** Whether any caller is trusted: an internal listener without one must not start. */
    public boolean trustsAnyCaller() {
        return !trusted.isEmpty();
    }

    /** The calling service's name when the token is valid for a trusted caller, else empty. */
    public Optional<String> callerOf(String token) {
        try {
            String issuer = parser.parseOnly(token).getIssuer();
            if (issuer == null || !issuer.startsWith(ISSUER_PREFIX)) {
                return Optional.empty();
            }
            String caller = issuer.substring(ISSUER_PREFIX.length());
            JWTAuthContextInfo context = trusted.get(caller);
            if (context == null) {
                return Optional.empty();
            }
            JsonWebToken verified = parser.parse(token, context);
            return caller.equals(verified.getSubject()) ? Optional.of(caller) : Optional.empty();
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, JWTAuthContextInfo> contexts(List<String> callers, String self) {
        Map<String, JWTAuthContextInfo> contexts = new LinkedHashMap<>();
        for (String entry : callers) {
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalStateException("depotops.service-auth.trusted-callers: '" + entry
                        + "' is not SERVICE=PUBLIC_KEY_PEM_LOCATION");
            }
            String caller = entry.substring(0, equals).trim();
            JWTAuthContextInfo context = new JWTAuthContextInfo(
                    publicKey(entry.substring(equals + 1).trim()), ServiceTokens.issuerOf(caller));
            context.setExpectedAudience(Set.of(self));
            context.setSignatureAlgorithm(Set.of(SignatureAlgorithm.ES256));
            context.setMaxTimeToLiveSecs(MAX_LIFETIME_SECONDS);
            contexts.put(caller, context);
        }
        return Map.copyOf(contexts);
    }

    private static PublicKey publicKey(String location) {
        try {
            return KeyUtils.decodePublicKey(Files.readString(Path.of(location)), SignatureAlgorithm.ES256);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "cannot read the public key " + location + " of a trusted caller (an EC P-256 PEM): " + e, e);
        }
    }
}
