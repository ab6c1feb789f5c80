package io.depotops.incidents.adapter.in.scheduler;

import io.depotops.incidents.application.rule.RuleInputs;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Reconciles the rules' queue bindings with the stored rules every {@code
 * depotops.incidents.bindings-check}: catches up after a broker or database outage during a rule
 * write, and when the queue was deleted and declared again. Rule writes reconcile at once.
 */
@ApplicationScoped
class EventBindingJob {

    private static final Logger LOG = Logger.getLogger(EventBindingJob.class);

    private final RuleInputs inputs;

    EventBindingJob(RuleInputs inputs) {
        this.inputs = inputs;
    }

    @Scheduled(
            every = "${depotops.incidents.bindings-check:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        try {
            inputs.reconcile();
        } catch (RuntimeException e) {
            LOG.debugf("rules' queue bindings not checked this time: %s", e.getMessage());
        }
    }
}
