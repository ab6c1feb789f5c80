package io.depotops.sitepwrmon.domain.limit;

import io.depotops.sitepwrmon.domain.Phase;
import io.depotops.sitepwrmon.domain.PhaseValues;
import io.depotops.sitepwrmon.domain.reading.LimitState;
import io.depotops.sitepwrmon.domain.reading.Reading;
import io.depotops.sitepwrmon.domain.tree.PowerNode;

/**
 * A node's measured load against its limits. The power limit is the node's own, lowered by an
 * external signal active at the reading's time; per-phase current limits are the node's own.
 * Utilisation is the highest ratio of load to limit over the limits that are set ({@code binding}
 * names it); at or above {@code warnAt} the node is approaching, above 1 it is exceeded. A node
 * without limits is always normal with unknown headroom.
 */
public record LoadAssessment(
        double loadKw,
        PhaseValues currentA,
        Double limitKw,
        PhaseValues limitA,
        Double headroomKw,
        PhaseValues headroomA,
        Binding binding,
        double utilisation,
        LimitState state,
        LimitSignal signal) {

    public static LoadAssessment of(PowerNode node, Reading reading, LimitSignal signal, double warnAt) {
        Double limitKw = node.limitKw();
        LimitSignal binding = null;
        if (signal != null && signal.activeAt(reading.time()) && (limitKw == null || signal.capKw() < limitKw)) {
            limitKw = signal.capKw();
            binding = signal;
        }
        double loadKw = reading.powerKw();
        PhaseValues limitA = node.limitA();
        PhaseValues headroomA = limitA.combine(reading.currentA(), (limit, current) -> limit - current);
        Binding bound = null;
        double utilisation = 0;
        if (limitKw != null) {
            bound = Binding.POWER;
            utilisation = loadKw / limitKw;
        }
        for (Phase phase : Phase.values()) {
            Double limit = limitA.get(phase);
            Double current = reading.currentA().get(phase);
            if (limit != null && current != null && current / limit > utilisation) {
                utilisation = current / limit;
                bound = Binding.valueOf(phase.name());
            }
        }
        LimitState state = bound == null || utilisation < warnAt
                ? LimitState.NORMAL
                : utilisation > 1 ? LimitState.EXCEEDED : LimitState.APPROACHING;
        return new LoadAssessment(
                loadKw,
                reading.currentA(),
                limitKw,
                limitA,
                limitKw == null ? null : limitKw - loadKw,
                headroomA,
                bound,
                utilisation,
                state,
                binding);
    }
}
