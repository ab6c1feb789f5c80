package io.depotops.core.application;

import io.depotops.core.application.TelematicsIngestService.Outcome;
import io.depotops.core.application.port.PollPolicyRepository;
import io.depotops.core.application.port.ProviderAccountRepository;
import io.depotops.core.application.port.TelematicsProviderClient.FeedPage;
import io.depotops.core.domain.PollPolicy;
import io.depotops.core.domain.ProviderAccount;
import io.depotops.core.domain.ProviderCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The units of work of a poll: short transactions, none held open while a provider answers. */
@ApplicationScoped
class PollTransactions {

    /** One account to poll, as loaded at the start of a workspace's poll. */
    record AccountTask(ProviderAccount account, String cursor) {}

    private final PollPolicyRepository policies;
    private final ProviderAccountRepository accounts;
    private final ProviderAccountService accountService;
    private final TelematicsIngestService ingest;

    PollTransactions(
            PollPolicyRepository policies,
            ProviderAccountRepository accounts,
            ProviderAccountService accountService,
            TelematicsIngestService ingest) {
        this.policies = policies;
        this.accounts = accounts;
        this.accountService = accountService;
        this.ingest = ingest;
    }

    @Transactional
    List<UUID> claim(String instanceId, Instant now, Duration lease, int limit) {
        return policies.claimDue(instanceId, now, lease, limit);
    }

    @Transactional
    void release(UUID workspaceId, String instanceId) {
        policies.release(workspaceId, instanceId);
    }

    @Transactional
    Optional<PollPolicy> policy(UUID workspaceId) {
        return policies.find(workspaceId);
    }

    @Transactional
    List<AccountTask> accounts(UUID workspaceId) {
        return accounts.list(workspaceId).stream()
                .map(account -> new AccountTask(account, accounts.cursor(account.id())))
                .toList();
    }

    @Transactional
    ProviderCredentials credentials(ProviderAccount account) {
        return accountService.credentials(account);
    }

    /** Ingests a page and moves the account's cursor past it, both or neither. */
    @Transactional
    Map<Outcome, Integer> commitPage(UUID accountId, FeedPage page) {
        Map<Outcome, Integer> outcomes = ingest.ingestAll(page.updates());
        Instant newest = page.updates().stream()
                .map(update -> update.observation().observedAt())
                .filter(at -> at != null)
                .max(Comparator.naturalOrder())
                .orElse(null);
        accounts.advanceCursor(accountId, page.nextCursor(), newest);
        return outcomes;
    }

    @Transactional
    void success(UUID accountId, Instant at) {
        accounts.recordSuccess(accountId, at);
    }

    @Transactional
    void failure(UUID accountId, Instant at, String error, Instant nextAttemptAt) {
        accounts.recordFailure(accountId, at, error, nextAttemptAt);
    }
}
