package io.depotops.core.application;

import io.depotops.core.application.port.CredentialCipher;
import io.depotops.core.application.port.CredentialCipher.Sealed;
import io.depotops.core.application.port.ProviderAccountRepository;
import io.depotops.core.application.port.WorkspaceRepository;
import io.depotops.core.domain.ProviderAccount;
import io.depotops.core.domain.ProviderCredentials;
import io.depotops.core.domain.ProviderKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A workspace's provider accounts; credentials are sealed before they are stored. */
@ApplicationScoped
public class ProviderAccountService {

    /** What a client may set; {@code credentials} null on update keeps the stored ones. */
    public record AccountDraft(ProviderKind kind, String baseUrl, ProviderCredentials credentials) {}

    private final ProviderAccountRepository accounts;
    private final WorkspaceRepository workspaces;
    private final CredentialCipher cipher;

    ProviderAccountService(
            ProviderAccountRepository accounts, WorkspaceRepository workspaces, CredentialCipher cipher) {
        this.accounts = accounts;
        this.workspaces = workspaces;
        this.cipher = cipher;
    }

    @Transactional
    public ProviderAccount create(UUID workspaceId, AccountDraft draft) {
        workspaces.find(workspaceId).orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        URI baseUrl = baseUrl(draft.baseUrl());
        if (draft.credentials() == null) {
            throw new InvalidInputException("credentials", "are required");
        }
        requireCredentials(draft.kind(), draft.credentials());
        accounts.findByKind(workspaceId, draft.kind()).ifPresent(existing -> {
            throw new ConflictException("provider-account", "kind", draft.kind().name(), existing.id());
        });
        UUID id = UUID.randomUUID();
        Sealed sealed = cipher.seal(draft.credentials(), id.toString());
        return accounts.insert(
                id,
                workspaceId,
                draft.kind(),
                baseUrl,
                sealed,
                draft.credentials().last4(),
                Instant.now());
    }

    @Transactional
    public ProviderAccount update(UUID workspaceId, UUID id, long expectedVersion, AccountDraft draft) {
        ProviderAccount current = get(workspaceId, id);
        if (draft.kind() != current.kind()) {
            throw new InvalidInputException("kind", "cannot change; register another account instead");
        }
        URI baseUrl = baseUrl(draft.baseUrl());
        Sealed sealed = null;
        String last4 = current.credentialsLast4();
        if (draft.credentials() != null) {
            requireCredentials(draft.kind(), draft.credentials());
            sealed = cipher.seal(draft.credentials(), id.toString());
            last4 = draft.credentials().last4();
        }
        return accounts.update(workspaceId, id, expectedVersion, baseUrl, sealed, last4);
    }

    @Transactional
    public void delete(UUID workspaceId, UUID id, long expectedVersion) {
        get(workspaceId, id);
        accounts.delete(workspaceId, id, expectedVersion);
    }

    public ProviderAccount get(UUID workspaceId, UUID id) {
        return accounts.find(workspaceId, id).orElseThrow(() -> new NotFoundException("provider account", id));
    }

    public List<ProviderAccount> list(UUID workspaceId) {
        workspaces.find(workspaceId).orElseThrow(() -> new NotFoundException("workspace", workspaceId));
        return accounts.list(workspaceId);
    }

    /** The clear credentials, for the poller only. */
    ProviderCredentials credentials(ProviderAccount account) {
        return cipher.open(accounts.credentials(account.id()), account.id().toString());
    }

    private static URI baseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new InvalidInputException("baseUrl", "must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException | NullPointerException e) {
            throw new InvalidInputException("baseUrl", "must be an absolute http(s) URL");
        }
    }

    private static void requireCredentials(ProviderKind kind, ProviderCredentials c) {
        switch (kind) {
            case GEOTAB -> {
                requireText("credentials.database", c.database());
                requireText("credentials.userName", c.userName());
                requireText("credentials.password", c.password());
            }
            case SAMSARA -> requireText("credentials.apiToken", c.apiToken());
        }
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required for this provider");
        }
    }
}
