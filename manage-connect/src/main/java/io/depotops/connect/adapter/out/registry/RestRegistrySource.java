package io.depotops.connect.adapter.out.registry;

import io.depotops.connect.application.registry.CoreUnavailableException;
import io.depotops.connect.application.registry.RegistryChange;
import io.depotops.connect.application.registry.RegistryChange.ChargerChange;
import io.depotops.connect.application.registry.RegistryChange.IdTokenChange;
import io.depotops.connect.application.registry.RegistrySource;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.RegisteredCharger;
import io.depotops.connect.domain.RegisteredIdToken;
import io.depotops.contracts.registry.RegistryEntryV1;
import io.depotops.platform.serviceauth.ServiceTokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Core's registry feed over REST: the contract of shared-contracts mapped to connect's domain.
 * Every call has the client's deadline ({@code quarkus.rest-client.core.read-timeout}: a handshake
 * on the miss path waits for it, well inside a charger's patience); every failure is {@link
 * CoreUnavailableException}.
 */
@ApplicationScoped
public class RestRegistrySource implements RegistrySource {

    private final CoreRegistryClient client;
    private final ServiceTokens tokens;

    public RestRegistrySource(@RestClient CoreRegistryClient client, ServiceTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** Connect cannot read core's registry without its service key: no start without it. */
    void requireCredentials(@Observes StartupEvent event) {
        tokens.requireSigningKey();
    }

    @Override
    public RegistryChange.Page changesAfter(long seq, int limit) {
        var page = call(() -> client.changes(seq, limit));
        return new RegistryChange.Page(
                page.entries().stream().map(RestRegistrySource::toDomain).toList(), page.head());
    }

    @Override
    public Optional<RegistryChange> charger(String chargePointId) {
        return found(() -> client.charger(chargePointId));
    }

    @Override
    public Optional<RegistryChange> idToken(UUID workspaceId, String idToken) {
        return found(() -> client.idToken(workspaceId, idToken));
    }

    private static Optional<RegistryChange> found(Supplier<RegistryEntryV1> request) {
        try {
            return Optional.of(toDomain(call(request)));
        } catch (CoreUnavailableException e) {
            if (e.getCause() instanceof WebApplicationException refused
                    && refused.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T call(Supplier<T> request) {
        try {
            T answer = request.get();
            if (answer == null) {
                throw new CoreUnavailableException("core answered without a body", null);
            }
            return answer;
        } catch (WebApplicationException e) {
            throw new CoreUnavailableException(
                    "core answered " + e.getResponse().getStatus(), e);
        } catch (ProcessingException e) {
            throw new CoreUnavailableException("core could not be asked: " + e.getMessage(), e);
        }
    }

    static RegistryChange toDomain(RegistryEntryV1 entry) {
        return switch (entry.kind()) {
            case CHARGER ->
                new ChargerChange(
                        entry.seq(),
                        entry.key(),
                        entry.workspaceId(),
                        entry.removed()
                                ? null
                                : new RegisteredCharger(
                                        entry.key(),
                                        entry.workspaceId(),
                                        versionOf(entry.ocppVersion()),
                                        entry.securityProfile(),
                                        entry.passwordVerifier(),
                                        entry.seq()));
            case ID_TOKEN ->
                new IdTokenChange(
                        entry.seq(),
                        entry.workspaceId(),
                        entry.key(),
                        entry.removed()
                                ? null
                                : new RegisteredIdToken(
                                        entry.workspaceId(), entry.key(), entry.vehicleId(), entry.seq()));
        };
    }

    private static OcppVersion versionOf(String label) {
        return OcppVersion.fromSubprotocol("ocpp" + label)
                .orElseThrow(
                        () -> new CoreUnavailableException("core answered an unknown OCPP version " + label, null));
    }
}
