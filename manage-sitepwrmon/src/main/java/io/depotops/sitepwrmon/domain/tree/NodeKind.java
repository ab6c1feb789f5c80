package io.depotops.sitepwrmon.domain.tree;

/**
 * What a node of a site's electrical tree is. The root of a site is its grid connection; chargers
 * are leaves and name core's charger.
 */
public enum NodeKind {
    GRID_CONNECTION,
    TRANSFORMER,
    SWITCHBOARD,
    CIRCUIT,
    CHARGER
}
