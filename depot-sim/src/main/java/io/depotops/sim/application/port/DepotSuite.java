package io.depotops.sim.application.port;

import io.depotops.sim.domain.config.SimulationConfig;
import io.depotops.sim.domain.engine.SimulationListener;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The real suite a run drives: its depot, chargers (with passwords) and vehicles registered in
 * core through the REST API with a token, and each charger a real OCPP websocket client of
 * connect. The run's engine tells the connection what happens ({@link SimulationListener}); the
 * connection tells the run the charging limits the CSMS set.
 */
public interface DepotSuite {

    /**
     * How (the suite's addresses are the service's configuration). With {@code register} the
     * depot, chargers and vehicles are registered in core's workspace {@code workspaceId} with
     * {@code token}; without, they must be registered already and chargers present {@code
     * chargerPassword}. {@code chargePointPrefix} keeps one run's charge point ids and id tags
     * apart from another's. With {@code meters} (needs {@code register}) the site tree and a
     * meter per node are registered in sitepwrmon and each node's load is published over MQTT;
     * with a telematics provider and its client token the vehicles at the depot stream their
     * state to telematics (registered in core with that provider and their prefixed id as device).
     */
    record Target(
            UUID workspaceId,
            String token,
            boolean register,
            boolean removeAtEnd,
            String chargePointPrefix,
            String chargerPassword,
            boolean meters,
            String telematicsProvider,
            String telematicsToken) {

        /** Chargers (and registration) only: no meters, no telematics stream. */
        public Target(
                UUID workspaceId,
                String token,
                boolean register,
                boolean removeAtEnd,
                String chargePointPrefix,
                String chargerPassword) {
            this(workspaceId, token, register, removeAtEnd, chargePointPrefix, chargerPassword, false, null, null);
        }

        public boolean streamsTelematics() {
            return telematicsProvider != null && telematicsToken != null;
        }
    }

    /** What the connection achieved so far. */
    record Status(
            int chargers,
            int chargersAccepted,
            int registered,
            int removed,
            long callsSent,
            long callsGivenUp,
            long queuedWhileOffline,
            long meterReadingsPublished,
            long vehicleUpdatesSent,
            long vehicleUpdatesAcknowledged,
            List<String> problems) {}

    interface Connection extends SimulationListener {

        Status status();

        /** Closes every charger's socket and, when asked, removes what was registered. */
        void close();
    }

    /**
     * Registers (when a core URL is given) and opens the chargers; {@code limits} hears (charger
     * id, kW or null) when the CSMS sets or clears a charging profile, on a socket's thread.
     *
     * @throws IllegalStateException when registration fails (nothing stays registered)
     */
    Connection connect(Target target, SimulationConfig config, BiConsumer<String, Double> limits);
}
