package io.depotops.incidents.application.incident;

import io.depotops.incidents.application.notification.Notifications;
import io.depotops.incidents.application.port.ChargerDirectory;
import io.depotops.incidents.application.port.IncidentEvents;
import io.depotops.incidents.application.port.IncidentRepository;
import io.depotops.incidents.application.port.ProcessedMessages;
import io.depotops.incidents.application.port.RuleCompiler.CompiledRule;
import io.depotops.incidents.application.rule.WorkspaceRules;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.incident.IncidentEventLink;
import io.depotops.incidents.domain.incident.IncidentEventLink.Role;
import io.depotops.incidents.domain.incident.IncidentStatus;
import io.depotops.incidents.domain.rule.IncidentRule;
import io.depotops.incidents.domain.rule.ObservedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs one event through its workspace's rules, in one transaction with the inbox record: a
 * redelivered event changes nothing twice. Per rule and key: a firing event raises an incident
 * (or counts on the active one), a resolving event resolves the active one, or drops it unopened
 * while it is still pending.
 */
@ApplicationScoped
public class EventEvaluation {

    /** The inbox consumer name of the rule engine. */
    public static final String CONSUMER = "incidents-rules";

    static final String CHARGER_REGISTERED = "core.charger.registered.v1";
    static final String CHARGER_UPDATED = "core.charger.updated.v1";
    static final String CHARGER_REMOVED = "core.charger.removed.v1";

    private static final Logger LOG = Logger.getLogger(EventEvaluation.class);

    private final ProcessedMessages processed;
    private final ChargerDirectory directory;
    private final WorkspaceRules rules;
    private final IncidentRepository incidents;
    private final IncidentEvents events;
    private final Clock clock;
    private final Suppressions suppressions;
    private final Notifications notifications;
    private final Counter unattributed;
    private final Counter applied;
    private final DistributionSummary batchSizes;

    EventEvaluation(
            ProcessedMessages processed,
            ChargerDirectory directory,
            WorkspaceRules rules,
            IncidentRepository incidents,
            IncidentEvents events,
            Clock clock,
            Suppressions suppressions,
            Notifications notifications,
            MeterRegistry meters) {
        this.suppressions = suppressions;
        this.notifications = notifications;
        this.processed = processed;
        this.directory = directory;
        this.rules = rules;
        this.incidents = incidents;
        this.events = events;
        this.clock = clock;
        this.unattributed = meters.counter("depotops.incidents.events.unattributed");
        this.applied = meters.counter("depotops.incidents.events.applied");
        this.batchSizes = meters.summary("depotops.incidents.events.batch-size");
    }

    /** Applies the event once; throws {@link UnreadableEventException} when no workspace can be told. */
    @Transactional
    public void evaluate(IncomingEvent incoming) {
        if (!processed.firstTime(CONSUMER, incoming.id())) {
            return;
        }
        apply(incoming);
        applied.increment();
    }

    /**
     * Applies a batch in one transaction, with one inbox statement for all of it; the events of
     * this consumer seen before (and repeats within the batch) are skipped. Throws, applying
     * nothing, when one of them cannot be read.
     */
    @Transactional
    public void evaluateAll(List<IncomingEvent> batch) {
        Set<String> first = processed.firstTimes(
                CONSUMER, batch.stream().map(IncomingEvent::id).toList());
        Set<String> done = new HashSet<>();
        for (IncomingEvent incoming : batch) {
            if (first.contains(incoming.id()) && done.add(incoming.id())) {
                apply(incoming);
            }
        }
        batchSizes.record(batch.size());
        applied.increment(done.size());
    }

    private void apply(IncomingEvent incoming) {
        learnChargers(incoming);
        if (ofUnknownCharger(incoming)) {
            // Not unreadable, only not attributable yet (a charger registered before incidents
            // listened, or one core removed): parking every such fact would fill the dead-letter
            // queue with each reconnect of a fleet. It is counted and skipped.
            unattributed.increment();
            LOG.debugf(
                    "event %s of charge point %s: no workspace knows it here, skipped",
                    incoming.id(), incoming.subject());
            return;
        }
        ObservedEvent event = observed(incoming);
        Instant now = clock.instant();
        for (CompiledRule rule : rules.forEvent(event)) {
            apply(rule, event, now);
        }
    }

    private void apply(CompiledRule compiled, ObservedEvent event, Instant now) {
        boolean fires = compiled.fires(event);
        boolean resolves = !fires && compiled.resolves(event);
        if (!fires && !resolves) {
            return;
        }
        IncidentRule rule = compiled.rule();
        String key = compiled.dedupKey(event);
        if (key == null) {
            LOG.debugf("rule %s: no deduplication key for event %s, skipped", rule.id(), event.id());
            return;
        }
        Optional<Incident> active = incidents.findActiveForUpdate(rule.workspaceId(), rule.id(), key);
        if (fires) {
            raiseOrCount(rule, key, event, active, now);
        } else if (active.isPresent()) {
            resolve(active.get(), event, now);
        }
    }

    private void raiseOrCount(
            IncidentRule rule, String key, ObservedEvent event, Optional<Incident> active, Instant now) {
        if (active.isEmpty()) {
            Incident.Step raised = Incident.raise(
                    UUID.randomUUID(),
                    rule.workspaceId(),
                    rule.id(),
                    rule.version(),
                    rule.name(),
                    key,
                    rule.severity(),
                    event.subject(),
                    event.resourceType(),
                    event.siteId(),
                    rule.labels(),
                    now,
                    now.plus(rule.pendingFor()));
            Incident candidate = raised.incident();
            if (candidate.status() == IncidentStatus.OPEN) {
                candidate = suppressions.decide(candidate, now);
            }
            if (incidents.insertIfNoneActive(candidate)) {
                Incident incident = candidate;
                incidents.recordTransition(incident.id(), raised.transition());
                incidents.linkEvent(incident.id(), link(event, Role.RAISED));
                if (incident.status() == IncidentStatus.OPEN) {
                    events.opened(incident, raised.transition());
                    suppressions.inhibitOthers(incident);
                    notifications.opened(incident);
                }
                return;
            }
            // Another consumer raised it between our look and our insert: count on theirs.
            active = incidents.findActiveForUpdate(rule.workspaceId(), rule.id(), key);
            if (active.isEmpty()) {
                throw new IllegalStateException("an active incident for " + key + " vanished; retry");
            }
        }
        Incident seen = active.get().seenAgain(now);
        incidents.update(seen);
        incidents.linkEvent(seen.id(), link(event, Role.UPDATED));
    }

    private void resolve(Incident incident, ObservedEvent event, Instant now) {
        if (incident.status() == IncidentStatus.PENDING) {
            // Resolved before its pending time ran out: it never opens.
            incidents.delete(incident.id());
            return;
        }
        Incident.Step step = incident.autoResolve("resolve condition held for event " + event.type(), now);
        incidents.update(step.incident());
        incidents.recordTransition(incident.id(), step.transition());
        incidents.linkEvent(incident.id(), link(event, Role.RESOLVED));
        events.resolved(step.incident(), step.transition());
        notifications.resolved(step.incident());
    }

    /** A connect fact (no workspace of its own) about a charge point the directory does not hold. */
    private boolean ofUnknownCharger(IncomingEvent event) {
        return event.workspaceId() == null
                && "charger".equals(resourceTypeOf(event.type()))
                && event.subject() != null
                && directory.find(event.subject()).isEmpty();
    }

    /** Core's charger events keep the directory that attributes connect's facts to workspaces. */
    private void learnChargers(IncomingEvent event) {
        String type = event.type();
        if (!type.equals(CHARGER_REGISTERED) && !type.equals(CHARGER_UPDATED) && !type.equals(CHARGER_REMOVED)) {
            return;
        }
        String chargePointId = text(event.data().get("chargePointId"));
        UUID workspaceId = parse(event.workspaceId());
        if (chargePointId == null || workspaceId == null) {
            throw new UnreadableEventException(type + " names no charge point or no workspace");
        }
        if (type.equals(CHARGER_REMOVED)) {
            directory.forget(chargePointId);
        } else {
            directory.remember(new ChargerDirectory.Entry(
                    chargePointId,
                    workspaceId,
                    text(event.data().get("chargerId")),
                    text(event.data().get("siteId"))));
        }
    }

    private ObservedEvent observed(IncomingEvent event) {
        String resourceType = resourceTypeOf(event.type());
        UUID workspaceId = parse(event.workspaceId());
        // A site's own events: sitepwrmon's name a power node as their subject and carry the site.
        String siteId = "site".equals(resourceType)
                ? Optional.ofNullable(text(event.data().get("siteId"))).orElse(event.subject())
                : null;
        if ("charger".equals(resourceType) && event.subject() != null) {
            Optional<ChargerDirectory.Entry> charger = directory.find(event.subject());
            if (charger.isPresent()) {
                siteId = charger.get().siteId();
                if (workspaceId == null) {
                    workspaceId = charger.get().workspaceId();
                }
            }
        }
        if (workspaceId == null) {
            throw new UnreadableEventException(
                    event.workspaceId() != null
                            ? "workspace '" + event.workspaceId() + "' is not a workspace id"
                            : "no workspace: the event names none"
                                    + ("charger".equals(resourceType)
                                            ? " and charge point '" + event.subject() + "' is not registered with any"
                                            : ""));
        }
        return new ObservedEvent(
                event.id(),
                event.type(),
                event.subject(),
                workspaceId,
                event.time() != null ? event.time() : clock.instant(),
                event.data(),
                resourceType,
                siteId);
    }

    /** What an event is about, from its type: {@code connect.charger.*} is about a charger, .... */
    static String resourceTypeOf(String type) {
        if (type.startsWith("connect.charger.")
                || type.startsWith("connect.command.")
                || type.startsWith("core.charger.")) {
            return "charger";
        }
        if (type.startsWith("core.telematics.") || type.startsWith("core.vehicle.") || type.startsWith("telematics.")) {
            return "vehicle";
        }
        if (type.startsWith("core.transaction.")) {
            return "transaction";
        }
        if (type.startsWith("core.site.") || type.startsWith("sitepwrmon.")) {
            return "site";
        }
        String[] parts = type.split("\\.");
        return parts.length > 1 ? parts[1] : type;
    }

    private static IncidentEventLink link(ObservedEvent event, Role role) {
        return new IncidentEventLink(event.id(), event.type(), event.time(), role);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static UUID parse(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
