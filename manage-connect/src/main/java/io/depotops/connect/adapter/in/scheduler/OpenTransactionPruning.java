package io.depotops.connect.adapter.in.scheduler;

import io.depotops.connect.application.ConnectSettings;
import io.depotops.connect.application.transaction.OpenTransactions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import org.jboss.logging.Logger;

/** Forgets open transactions whose end never came, once their retention has passed. */
@ApplicationScoped
class OpenTransactionPruning {

    private static final Logger LOG = Logger.getLogger(OpenTransactionPruning.class);

    private final OpenTransactions open;
    private final ConnectSettings settings;
    private final Clock clock;

    OpenTransactionPruning(OpenTransactions open, ConnectSettings settings, Clock clock) {
        this.open = open;
        this.settings = settings;
        this.clock = clock;
    }

    // Every instance may run it: the delete is idempotent.
    @Scheduled(every = "1h", delay = 5, delayUnit = java.util.concurrent.TimeUnit.MINUTES)
    void prune() {
        int forgotten = open.forgetStartedBefore(clock.instant().minus(settings.openTransactionRetention()));
        if (forgotten > 0) {
            LOG.infof(
                    "forgot %d open transactions older than %s without an end",
                    forgotten, settings.openTransactionRetention());
        }
    }
}
