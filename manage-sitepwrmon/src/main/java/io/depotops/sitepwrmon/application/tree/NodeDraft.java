package io.depotops.sitepwrmon.application.tree;

import io.depotops.sitepwrmon.domain.Phase;
import io.depotops.sitepwrmon.domain.PhaseValues;
import io.depotops.sitepwrmon.domain.tree.NodeKind;
import java.util.List;
import java.util.UUID;

/** A node as a caller writes it (the id, times and version are the service's). */
public record NodeDraft(
        UUID siteId,
        UUID parentId,
        NodeKind kind,
        String name,
        Double limitKw,
        PhaseValues limitA,
        double voltageV,
        String chargerId,
        List<Phase> chargerPhases) {}
