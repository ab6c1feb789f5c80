package io.depotops.core.application.port;

import io.depotops.core.application.port.CredentialCipher.Sealed;
import io.depotops.core.domain.ProviderAccount;
import io.depotops.core.domain.ProviderKind;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Provider accounts, their sealed credentials, feed cursors and poll health. */
public interface ProviderAccountRepository {

    ProviderAccount insert(
            UUID id, UUID workspaceId, ProviderKind kind, URI baseUrl, Sealed credentials, String last4, Instant now);

    /** Changes the base URL, and the credentials when {@code credentials} is not null. */
    ProviderAccount update(
            UUID workspaceId, UUID id, long expectedVersion, URI baseUrl, Sealed credentials, String last4);

    void delete(UUID workspaceId, UUID id, long expectedVersion);

    Optional<ProviderAccount> find(UUID workspaceId, UUID id);

    Optional<ProviderAccount> findByKind(UUID workspaceId, ProviderKind kind);

    List<ProviderAccount> list(UUID workspaceId);

    Sealed credentials(UUID id);

    /** Where the account's feed continues; null before the first poll. */
    String cursor(UUID id);

    /** Moves the feed on; part of the transaction that ingested what came before the cursor. */
    void advanceCursor(UUID id, String cursor, Instant newestObservationAt);

    void recordSuccess(UUID id, Instant at);

    void recordFailure(UUID id, Instant at, String error, Instant nextAttemptAt);
}
