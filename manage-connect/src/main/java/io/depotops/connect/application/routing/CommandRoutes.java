package io.depotops.connect.application.routing;

/**
 * Port: which chargers' commands reach this instance (the binding of {@code chargepoint.<id>} to
 * this instance's command queue). Idempotent; kept across broker outages by the adapter.
 */
public interface CommandRoutes {

    void route(String chargePointId);

    void unroute(String chargePointId);
}
