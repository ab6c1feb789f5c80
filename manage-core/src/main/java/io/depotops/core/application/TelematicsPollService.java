package io.depotops.core.application;

import io.depotops.core.application.PollTransactions.AccountTask;
import io.depotops.core.application.TelematicsIngestService.Outcome;
import io.depotops.core.application.port.PollMetrics;
import io.depotops.core.application.port.TelematicsProviderClient;
import io.depotops.core.application.port.TelematicsProviderClient.Connection;
import io.depotops.core.application.port.TelematicsProviderClient.FeedPage;
import io.depotops.core.application.port.TelematicsProviderClient.ProviderCallException;
import io.depotops.core.domain.PollBackoff;
import io.depotops.core.domain.PollPolicy;
import io.depotops.core.domain.ProviderAccount;
import io.depotops.core.domain.ProviderKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The scheduled provider poll: claims the workspaces whose poll is due (each by exactly one core
 * instance), reads each enabled provider account's feed from its cursor to the end, and hands the
 * canonical updates to the one ingest. One account's failure is recorded with its backoff and
 * never stops another's poll.
 */
@ApplicationScoped
public class TelematicsPollService {

    /** How one account's poll went; {@code skipped} says why it was not polled. */
    public record AccountPoll(
            UUID accountId,
            ProviderKind kind,
            String skipped,
            int pages,
            Map<Outcome, Integer> outcomes,
            String error) {

        public boolean succeeded() {
            return skipped == null && error == null;
        }
    }

    public record WorkspacePoll(UUID workspaceId, List<AccountPoll> accounts) {}

    private static final Logger LOG = Logger.getLogger(TelematicsPollService.class);
    /** A feed that never ends is a provider bug; the rest waits for the next poll. */
    private static final int MAX_PAGES_PER_POLL = 10_000;

    private final PollTransactions transactions;
    private final PollMetrics metrics;
    private final Map<ProviderKind, TelematicsProviderClient> clients = new EnumMap<>(ProviderKind.class);
    private final Duration lease;
    private final int claimBatch;

    TelematicsPollService(
            PollTransactions transactions,
            PollMetrics metrics,
            Instance<TelematicsProviderClient> clients,
            @ConfigProperty(name = "depotops.telematics.poll.lease", defaultValue = "PT10M") Duration lease,
            @ConfigProperty(name = "depotops.telematics.poll.claim-batch", defaultValue = "10") int claimBatch) {
        this.transactions = transactions;
        this.metrics = metrics;
        clients.forEach(client -> this.clients.put(client.kind(), client));
        this.lease = lease;
        this.claimBatch = claimBatch;
    }

    /** Polls every workspace due at {@code now} that this instance manages to claim. */
    public List<WorkspacePoll> pollDue(String instanceId, Instant now) {
        List<WorkspacePoll> polled = new ArrayList<>();
        while (true) {
            List<UUID> claimed = transactions.claim(instanceId, now, lease, claimBatch);
            for (UUID workspaceId : claimed) {
                try {
                    polled.add(pollWorkspace(workspaceId, now));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "telematics poll of workspace %s failed", workspaceId);
                } finally {
                    transactions.release(workspaceId, instanceId);
                }
            }
            if (claimed.size() < claimBatch) {
                return polled;
            }
        }
    }

    private WorkspacePoll pollWorkspace(UUID workspaceId, Instant now) {
        Optional<PollPolicy> policy = transactions.policy(workspaceId);
        List<AccountPoll> results = new ArrayList<>();
        for (AccountTask task : transactions.accounts(workspaceId)) {
            ProviderAccount account = task.account();
            if (policy.isEmpty() || !policy.get().polls(account.kind())) {
                results.add(skipped(account, "provider not polled by the workspace's policy"));
            } else if (account.health().waitingUntilAfter(now)) {
                results.add(
                        skipped(account, "backing off until " + account.health().nextAttemptAt()));
            } else {
                results.add(pollAccount(task, now));
            }
        }
        return new WorkspacePoll(workspaceId, results);
    }

    private AccountPoll pollAccount(AccountTask task, Instant now) {
        ProviderAccount account = task.account();
        long started = System.nanoTime();
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Instant newest = account.health().newestObservationAt();
        int pages = 0;
        String error = null;
        Duration retryAfter = null;
        try {
            TelematicsProviderClient client = clients.get(account.kind());
            if (client == null) {
                throw new IllegalStateException("no client for provider " + account.kind());
            }
            Connection connection = new Connection(
                    account.id(), account.workspaceId(), account.baseUrl(), transactions.credentials(account));
            String cursor = task.cursor();
            FeedPage page;
            do {
                page = client.fetch(connection, cursor);
                transactions.commitPage(account.id(), page).forEach((o, n) -> outcomes.merge(o, n, Integer::sum));
                newest = newest(newest, page);
                cursor = page.nextCursor();
                pages++;
            } while (page.hasMore() && pages < MAX_PAGES_PER_POLL);
        } catch (ProviderCallException e) {
            error = e.getMessage();
            retryAfter = e.retryAfter();
        } catch (RuntimeException e) {
            error = "poll failed: " + e.getMessage();
            LOG.warnf(e, "telematics poll of provider account %s failed", account.id());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int consecutiveFailures = 0;
        if (error == null) {
            transactions.success(account.id(), now);
        } else {
            consecutiveFailures = account.health().consecutiveFailures() + 1;
            transactions.failure(
                    account.id(), now, error, PollBackoff.nextAttempt(now, consecutiveFailures, retryAfter));
        }
        metrics.attempt(account.kind(), error == null, took);
        outcomes.forEach((outcome, count) -> metrics.updates(account.kind(), outcome.name(), count));
        metrics.accountState(
                account.kind(),
                account.id(),
                newest == null ? null : Duration.between(newest, Instant.now()),
                consecutiveFailures);
        return new AccountPoll(account.id(), account.kind(), null, pages, outcomes, error);
    }

    private static Instant newest(Instant current, FeedPage page) {
        Instant newest = current;
        for (var update : page.updates()) {
            Instant at = update.observation().observedAt();
            if (at != null && (newest == null || at.isAfter(newest))) {
                newest = at;
            }
        }
        return newest;
    }

    private static AccountPoll skipped(ProviderAccount account, String why) {
        return new AccountPoll(account.id(), account.kind(), why, 0, Map.of(), null);
    }
}
