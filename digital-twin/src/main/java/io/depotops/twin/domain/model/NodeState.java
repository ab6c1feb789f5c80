package io.depotops.twin.domain.model;

import java.time.Instant;

/** A node of the site's electrical tree with its last measured load and its limit. */
public record NodeState(String nodeId, String parentId, Double limitKw, Double loadKw, Instant confirmedAt) {

    public boolean isRoot() {
        return parentId == null;
    }
}
