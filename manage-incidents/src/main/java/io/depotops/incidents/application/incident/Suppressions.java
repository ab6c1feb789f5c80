package io.depotops.incidents.application.incident;

import io.depotops.incidents.application.port.BuiltInInhibitionRules;
import io.depotops.incidents.application.port.IncidentRepository;
import io.depotops.incidents.application.port.InhibitionRuleRepository;
import io.depotops.incidents.application.port.SilenceRepository;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.incident.Suppression;
import io.depotops.incidents.domain.inhibition.InhibitionRule;
import io.depotops.incidents.domain.silence.Silence;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides whether an incident is silenced (an active silence matches its labels) or inhibited (an
 * active incident is the source of an inhibition rule that targets it), in the caller's
 * transaction: when it opens, when a source opens after it, and before each notification.
 */
@ApplicationScoped
public class Suppressions {

    private final SilenceRepository silences;
    private final InhibitionRuleRepository inhibitionRules;
    private final BuiltInInhibitionRules builtIn;
    private final IncidentRepository incidents;

    Suppressions(
            SilenceRepository silences,
            InhibitionRuleRepository inhibitionRules,
            BuiltInInhibitionRules builtIn,
            IncidentRepository incidents) {
        this.silences = silences;
        this.inhibitionRules = inhibitionRules;
        this.builtIn = builtIn;
        this.incidents = incidents;
    }

    /** The incident's suppression now. */
    public Suppression of(Incident incident, Instant now) {
        Map<String, String> labels = incident.matchLabels();
        List<UUID> silencedBy = silences.activeAt(incident.workspaceId(), now).stream()
                .filter(silence -> silence.silences(labels, now))
                .map(Silence::id)
                .toList();
        List<InhibitionRule> targeting = rules(incident.workspaceId()).stream()
                .filter(rule -> rule.targets(labels))
                .toList();
        UUID inhibitedBy = null;
        if (!targeting.isEmpty()) {
            for (Incident source : incidents.activeOpen(incident.workspaceId())) {
                if (!source.id().equals(incident.id())
                        && targeting.stream().anyMatch(rule -> rule.inhibits(source.matchLabels(), labels))) {
                    inhibitedBy = source.id();
                    break;
                }
            }
        }
        return new Suppression(silencedBy, inhibitedBy);
    }

    /** An incident that just opened, with its suppression decided. */
    public Incident decide(Incident incident, Instant now) {
        Suppression suppression = of(incident, now);
        return suppression.equals(incident.suppression()) ? incident : incident.suppressedBy(suppression);
    }

    /** A new source: the open incidents it inhibits (and that nothing inhibited yet) are marked. */
    public void inhibitOthers(Incident source) {
        Map<String, String> sourceLabels = source.matchLabels();
        List<InhibitionRule> fromSource = new ArrayList<>();
        for (InhibitionRule rule : rules(source.workspaceId())) {
            if (rule.sources(sourceLabels)) {
                fromSource.add(rule);
            }
        }
        if (fromSource.isEmpty()) {
            return;
        }
        for (Incident target : incidents.activeOpen(source.workspaceId())) {
            if (target.id().equals(source.id()) || target.suppression().inhibited()) {
                continue;
            }
            Map<String, String> targetLabels = target.matchLabels();
            if (fromSource.stream().anyMatch(rule -> rule.inhibits(sourceLabels, targetLabels))) {
                incidents.update(
                        target.suppressedBy(new Suppression(target.suppression().silencedBy(), source.id())));
            }
        }
    }

    /** A new silence: the open incidents it matches are marked silenced by it. */
    public void silenceOpen(Silence silence, Instant now) {
        if (silence.state(now) != Silence.State.ACTIVE) {
            return;
        }
        for (Incident target : incidents.activeOpen(silence.workspaceId())) {
            if (silence.silences(target.matchLabels(), now)) {
                List<UUID> by = new ArrayList<>(target.suppression().silencedBy());
                by.add(silence.id());
                incidents.update(target.suppressedBy(
                        new Suppression(by, target.suppression().inhibitedBy())));
            }
        }
    }

    private List<InhibitionRule> rules(UUID workspaceId) {
        List<InhibitionRule> all = new ArrayList<>(builtIn.all());
        all.addAll(inhibitionRules.list(workspaceId));
        return all;
    }
}
