package io.depotops.core.domain.load;

/**
 * A node of a site's electrical tree as the allocator sees it: its limits (power in kW, current
 * per phase in A; null where none binds) and the load below it that no managed connector draws
 * ({@code uncontrolledKw}, {@code uncontrolledA}; zero where nothing is measured). What the
 * connectors below may draw is limit minus uncontrolled load, on each limit separately.
 */
public record PowerNode(
        String id, String parentId, Double limitKw, PhaseAmps limitA, double uncontrolledKw, PhaseAmps uncontrolledA) {

    public PowerNode {
        if (id == null) {
            throw new IllegalArgumentException("a node needs an id");
        }
        limitA = limitA == null ? PhaseAmps.NONE : limitA;
        uncontrolledA = uncontrolledA == null ? PhaseAmps.NONE : uncontrolledA;
    }

    /** What the managed connectors below may draw in kW; null when no power limit binds here. */
    Double availableKw() {
        return limitKw == null ? null : limitKw - uncontrolledKw;
    }

    /** What they may draw on a phase in A; null when no current limit binds on it here. */
    Double availableA(Phase phase) {
        Double limit = limitA.get(phase);
        if (limit == null) {
            return null;
        }
        Double used = uncontrolledA.get(phase);
        return limit - (used == null ? 0 : used);
    }
}
