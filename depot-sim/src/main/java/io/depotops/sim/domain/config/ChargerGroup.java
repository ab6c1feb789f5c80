package io.depotops.sim.domain.config;

/** Chargers of one kind on one site node; member {@code i} is {@code idPrefix} and {@code i} (01, 02, ...). */
public record ChargerGroup(
        String idPrefix,
        int count,
        String ocppVersion,
        String current,
        double maxPowerKw,
        Integer connectors,
        String siteNode,
        Link link) {

    public int connectorCount() {
        return connectors == null ? 1 : connectors;
    }

    public boolean isDc() {
        return "DC".equals(current);
    }

    public String idOf(int number) {
        return SimulationConfig.memberId(idPrefix, number, count);
    }

    /** Quirks of the OCPP link: added latency, lost messages. Only the OCPP link obeys them. */
    public record Link(Integer latencyMs, Double lossPercent) {}
}
