package io.depotops.platform.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Refuses to start a service whose users' tokens could not be verified safely: the key (or JWKS)
 * and the issuer of users' tokens have no default outside {@code %dev}/{@code %test}, so a
 * deployment that forgets them stops here, naming what is missing, instead of accepting tokens
 * minted with a development key.
 */
@ApplicationScoped
class FailClosedSettings {

    void check(@Observes StartupEvent event, Config config) {
        List<String> missing = new ArrayList<>();
        if (absent(config, "mp.jwt.verify.publickey.location") && absent(config, "mp.jwt.verify.publickey")) {
            missing.add("mp.jwt.verify.publickey.location (MP_JWT_VERIFY_PUBLICKEY_LOCATION: the users' token"
                    + " issuer's public key or JWKS URL)");
        }
        if (absent(config, "mp.jwt.verify.issuer")) {
            missing.add("mp.jwt.verify.issuer (MP_JWT_VERIFY_ISSUER)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("refusing to start without: " + String.join("; ", missing));
        }
    }

    private static boolean absent(Config config, String name) {
        return config.getOptionalValue(name, String.class)
                .filter(value -> !value.isBlank())
                .isEmpty();
    }
}
