package io.depotops.schedule.domain.schedule;

/** How a schedule was made. */
public enum Algorithm {
    /** The lexicographic linear programme (unmet energy, then cost, then peak). */
    OPTIMISER,
    /** Least laxity first: the vehicle with the least slack before its departure charges first. */
    LEAST_LAXITY_FIRST,
    /** Earliest deadline first. */
    EARLIEST_DEADLINE_FIRST
}
