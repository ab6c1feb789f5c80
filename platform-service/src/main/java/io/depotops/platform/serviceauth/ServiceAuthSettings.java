package io.depotops.platform.serviceauth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code depotops.service-auth.*}: how services prove who they are to each other (ADR 0008). No
 * key has a default outside {@code %dev}/{@code %test}: a service that serves or calls internal
 * endpoints refuses to start without its keys.
 */
@ConfigMapping(prefix = "depotops.service-auth")
public interface ServiceAuthSettings {

    /**
     * PEM (PKCS#8) file of the private key this service signs its service tokens with; needed by a service that calls another's internal endpoints.
     */
    Optional<String> signingKeyLocation();

    /**
     * The callers this service's internal listener trusts, each {@code SERVICE=PUBLIC_KEY_PEM_FILE}, e.g. {@code manage-connect=/etc/depotops/connect.pub.pem}.
     */
    Optional<List<String>> trustedCallers();

    /** Lifetime of a service token; callers renew it well before it ends. */
    @WithDefault("PT5M")
    Duration tokenLifetime();
}
