package io.depotops.incidents.application.rule;

import io.depotops.incidents.application.port.BoundEventTypes;
import io.depotops.incidents.application.port.EventSource;
import io.depotops.incidents.application.port.RuleRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Keeps the rules' queue bound to exactly the event types some rule reads (plus core's charger
 * events, which attribute connect's facts to workspaces): a type no rule reads, such as the
 * high-volume meter values, never reaches this service. Derived from the stored rules, never
 * from a list kept by hand.
 */
@ApplicationScoped
public class RuleInputs {

    /** Core's charger events: the charger directory needs them whatever the rules. */
    public static final Set<String> DIRECTORY_EVENT_TYPES =
            Set.of("core.charger.registered.v1", "core.charger.updated.v1", "core.charger.removed.v1");

    private static final Logger LOG = Logger.getLogger(RuleInputs.class);

    private final RuleRepository rules;
    private final BoundEventTypes bound;
    private final EventSource source;

    RuleInputs(RuleRepository rules, BoundEventTypes bound, EventSource source) {
        this.rules = rules;
        this.bound = bound;
        this.source = source;
    }

    /**
     * Binds every type a rule reads and unbinds every other known type, in the caller's
     * transaction (a rule write's, so its own change counts) or a new one. Binds all wanted types
     * each time: the queue may have been deleted and declared again.
     */
    @Transactional
    public Set<String> reconcile() {
        Set<String> before = bound.lockAndRead();
        Set<String> wanted = new TreeSet<>(DIRECTORY_EVENT_TYPES);
        wanted.addAll(rules.eventTypesInUse());
        source.bind(wanted);
        // Every type the contracts name, not only those recorded as bound: the queue outlives this
        // database (a fresh or restored one records nothing) and may carry bindings of earlier days.
        Set<String> stale = new TreeSet<>(before);
        stale.addAll(source.knownEventTypes());
        stale.removeAll(wanted);
        source.unbind(stale);
        if (!before.equals(wanted)) {
            bound.record(wanted);
            LOG.infof("rules' queue bound to %s", wanted);
        }
        return wanted;
    }

    /** {@link #reconcile} for a rule write: a broker outage must not refuse the write (the job catches up). */
    void reconcileAfterWrite() {
        try {
            reconcile();
        } catch (EventSource.UnavailableException e) {
            LOG.warnf("rules' queue bindings not updated now (the periodic check will): %s", e.getMessage());
        }
    }
}
