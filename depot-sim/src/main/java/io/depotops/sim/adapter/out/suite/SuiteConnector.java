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
    private final URI sitepwrmonUrl;
    private final URI mqttBroker;
    private final String mqttTopicPrefix;
    private final URI telematicsStreamUrl;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SuiteConnector(
            ObjectMapper json,
            @ConfigProperty(name = "depotops.sim.connect-ocpp-url") URI connectUrl,
            @ConfigProperty(name = "depotops.sim.core-url") URI coreUrl,
            @ConfigProperty(name = "depotops.sim.sitepwrmon-url") URI sitepwrmonUrl,
            @ConfigProperty(name = "depotops.sim.mqtt-url") URI mqttBroker,
            @ConfigProperty(name = "depotops.sim.mqtt-topic-prefix") String mqttTopicPrefix,
            @ConfigProperty(name = "depotops.sim.telematics-stream-url") URI telematicsStreamUrl) {
        this.json = json;
        this.connectUrl = connectUrl;
        this.coreUrl = coreUrl;
        this.sitepwrmonUrl = sitepwrmonUrl;
        this.mqttBroker = mqttBroker;
        this.mqttTopicPrefix = mqttTopicPrefix;
        this.telematicsStreamUrl = telematicsStreamUrl;
    }

    @Override
    public Connection connect(Target target, SimulationConfig config, BiConsumer<String, Double> limits) {
        OcppIds ids = new OcppIds(target.chargePointPrefix());
        if (target.meters() && !target.register()) {
            throw new IllegalArgumentException("meters need the run to register its site in core");
        }
        CoreRegistration registration = null;
        SitePowerMeters meters = null;
        TelematicsStream telematics = null;
        try {
            if (target.register()) {
                registration = new CoreRegistration(http, json, coreUrl, target);
                registration.register(config, ids);
            }
            if (target.meters()) {
                meters = new SitePowerMeters(http, json, sitepwrmonUrl, mqttBroker, mqttTopicPrefix, target, ids);
                meters.register(config.site(), registration.siteId());
            }
            if (target.streamsTelematics()) {
                telematics = new TelematicsStream(
                        http, json, telematicsStreamUrl, target.telematicsProvider(), target.telematicsToken(), ids);
                telematics.open();
            }
        } catch (RuntimeException e) {
            if (meters != null) {
                meters.close();
                meters.removeAll();
            }
            if (registration != null) {
                registration.removeAll();
            }
            throw e;
        }
        OcppChargers chargers = new OcppChargers(
                connectUrl, target.chargerPassword(), config, ids, ChargerBehaviour.defaults(), limits);
        chargers.open();
        return new SuiteConnection(chargers, registration, meters, telematics, target.removeAtEnd());
    }

    private static final class SuiteConnection implements Connection {

        private final OcppChargers chargers;
        private final CoreRegistration registration;
        private final SitePowerMeters meters;
        private final TelematicsStream telematics;
        private final boolean removeAtEnd;

        SuiteConnection(
                OcppChargers chargers,
                CoreRegistration registration,
                SitePowerMeters meters,
                TelematicsStream telematics,
                boolean removeAtEnd) {
            this.chargers = chargers;
            this.registration = registration;
            this.meters = meters;
            this.telematics = telematics;
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
            if (meters != null) {
                if (meters.failed() > 0) {
                    problems.add("meter readings not published: " + meters.failed());
                }
                meters.notRemoved().forEach(left -> problems.add("not removed from sitepwrmon: " + left));
            }
            if (telematics != null) {
                if (telematics.refused() > 0 || telematics.dropped() > 0) {
                    problems.add("vehicle updates refused: " + telematics.refused() + ", dropped while sending: "
                            + telematics.dropped() + " (last error: " + telematics.lastError() + ")");
                }
            }
            return new Status(
                    chargers.chargers(),
                    stats.acceptedNow(),
                    registration == null ? 0 : registration.registered(),
                    registration == null ? 0 : registration.removed(),
                    stats.count(SimulatorStats.CALLS_SENT, 0),
                    stats.count(SimulatorStats.CALLS_GIVEN_UP, 0),
                    stats.count(SimulatorStats.QUEUED_OFFLINE, 0),
                    meters == null ? 0 : meters.published(),
                    telematics == null ? 0 : telematics.sent(),
                    telematics == null ? 0 : telematics.acknowledged(),
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
        public void nodeMetered(String nodeId, double loadKw, java.time.Instant at) {
            if (meters != null) {
                meters.reading(nodeId, loadKw, at);
            }
        }

        @Override
        public void vehicleSampled(
                String vehicleId, double socPercent, boolean pluggedIn, boolean charging, java.time.Instant at) {
            if (telematics != null) {
                telematics.sample(vehicleId, socPercent, pluggedIn, charging, at);
            }
        }

        @Override
        public void vehicleDeparted(String vehicleId, double distanceKm, java.time.Instant at) {
            if (telematics != null) {
                telematics.departed(vehicleId, distanceKm);
            }
        }

        @Override
        public void close() {
            if (telematics != null) {
                telematics.close();
            }
            if (meters != null) {
                meters.close();
            }
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
            if (meters != null && removeAtEnd) {
                meters.removeAll();
            }
        }
    }
}
