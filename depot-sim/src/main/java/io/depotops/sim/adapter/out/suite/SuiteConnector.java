package io.depotops.sim.adapter.out.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.chargepointsim.ChargerBehaviour;
import io.depotops.chargepointsim.SimulatorStats;
import io.depotops.sim.application.port.DepotSuite;
import io.depotops.sim.domain.config.SimulationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** A run's connection to the real suite: registration in core (when asked), then OCPP to connect. */
@ApplicationScoped
class SuiteConnector implements DepotSuite {

    private static final Logger LOG = Logger.getLogger(SuiteConnector.class);
    private static final Duration DRAIN_AT_END = Duration.ofSeconds(20);

    private final ObjectMapper json;
    private final URI connectUrl;
    private final URI coreUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SuiteConnector(
            ObjectMapper json,
            @ConfigProperty(name = "depotops.sim.connect-ocpp-url") URI connectUrl,
            @ConfigProperty(name = "depotops.sim.core-url") URI coreUrl) {
        this.json = json;
        this.connectUrl = connectUrl;
        this.coreUrl = coreUrl;
    }

    @Override
    public Connection connect(Target target, SimulationConfig config, BiConsumer<String, Double> limits) {
        OcppIds ids = new OcppIds(target.chargePointPrefix());
        CoreRegistration registration = null;
        if (target.register()) {
            registration = new CoreRegistration(http, json, coreUrl, target);
            registration.register(config, ids);
        }
        OcppChargers chargers = new OcppChargers(
                connectUrl, target.chargerPassword(), config, ids, ChargerBehaviour.defaults(), limits);
        chargers.open();
        return new SuiteConnection(chargers, registration, target.removeAtEnd());
    }

    private static final class SuiteConnection implements Connection {

        private final OcppChargers chargers;
        private final CoreRegistration registration;
        private final boolean removeAtEnd;

        SuiteConnection(OcppChargers chargers, CoreRegistration registration, boolean removeAtEnd) {
            this.chargers = chargers;
            this.registration = registration;
            this.removeAtEnd = removeAtEnd;
        }

        @Override
        public Status status() {
            SimulatorStats stats = chargers.stats();
            List<String> problems = new ArrayList<>();
            stats.counters().forEach((name, count) -> {
                if (name.startsWith(SimulatorStats.HANDSHAKE_REFUSED)
                        || name.startsWith(SimulatorStats.CONNECT_FAILED)
                        || name.startsWith(SimulatorStats.CALL_ERROR)
                        || name.equals(SimulatorStats.REFUSED_OFFLINE)) {
                    problems.add(name + ": " + count);
                }
            });
            if (registration != null) {
                registration.notRemoved().forEach(left -> problems.add("not removed from core: " + left));
            }
            return new Status(
                    chargers.chargers(),
                    stats.acceptedNow(),
                    registration == null ? 0 : registration.registered(),
                    registration == null ? 0 : registration.removed(),
                    stats.count(SimulatorStats.CALLS_SENT, 0),
                    stats.count(SimulatorStats.CALLS_GIVEN_UP, 0),
                    stats.count(SimulatorStats.QUEUED_OFFLINE, 0),
                    problems);
        }

        @Override
        public void sessionStarted(
                String chargerId, int connector, String vehicleId, long meterStartWh, java.time.Instant at) {
            chargers.sessionStarted(chargerId, connector, vehicleId, meterStartWh, at);
        }

        @Override
        public void sessionEnded(
                String chargerId, int connector, String vehicleId, long meterStopWh, java.time.Instant at) {
            chargers.sessionEnded(chargerId, connector, vehicleId, meterStopWh, at);
        }

        @Override
        public void meterSample(
                String chargerId,
                int connector,
                long energyWh,
                double powerKw,
                Double socPercent,
                java.time.Instant at) {
            chargers.meterSample(chargerId, connector, energyWh, powerKw, socPercent, at);
        }

        @Override
        public void chargerFaulted(String chargerId, boolean faulted, java.time.Instant at) {
            chargers.chargerFaulted(chargerId, faulted, at);
        }

        @Override
        public void linkDropped(String chargerId, java.time.Instant at) {
            chargers.linkDropped(chargerId, at);
        }

        @Override
        public void close() {
            // Open sessions are ended and their messages answered first: core refuses to remove a
            // charger or vehicle its transactions reference, and an unanswered StopTransaction
            // would leave one active for ever.
            int unanswered = chargers.close(DRAIN_AT_END);
            if (unanswered > 0) {
                LOG.warnf("%d connectors still had unanswered OCPP messages when the run closed", unanswered);
            }
            if (registration != null && removeAtEnd) {
                registration.removeAll();
                List<String> left = registration.notRemoved();
                if (!left.isEmpty()) {
                    LOG.warnf(
                            "%d registrations left in core (first: %s); removed %d",
                            left.size(), left.getFirst(), registration.removed());
                }
            }
        }
    }
}
