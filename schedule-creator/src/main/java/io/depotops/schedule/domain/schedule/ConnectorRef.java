package io.depotops.schedule.domain.schedule;

/** One connector of a charger (0-based). */
public record ConnectorRef(String chargerId, int connector) {}
