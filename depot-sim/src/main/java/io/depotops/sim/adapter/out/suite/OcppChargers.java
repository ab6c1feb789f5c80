package io.depotops.sim.adapter.out.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.chargepointsim.ChargerBehaviour;
import io.depotops.chargepointsim.ChargingLimits;
import io.depotops.chargepointsim.Fleet;
import io.depotops.chargepointsim.OcppVersion;
import io.depotops.chargepointsim.Responder;
import io.depotops.chargepointsim.SessionPayloads;
import io.depotops.chargepointsim.SimulatedChargePoint;
import io.depotops.chargepointsim.SimulatorStats;
import io.depotops.sim.domain.config.SimulationConfig;
import io.depotops.sim.domain.engine.SimulationListener;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Each simulated charger as a charge-point-sim {@link SimulatedChargePoint}: a real OCPP client of
 * connect that boots, heartbeats, reconnects with backoff and queues transaction messages while
 * offline. The engine's sessions become 1.6 Start/StopTransaction or 2.0.1 TransactionEvents, its
 * meter samples MeterValues (with the transaction) at the configured interval, its faults
 * StatusNotifications; every message carries the simulated time. Charging profiles the CSMS sets
 * are obeyed: reported to the run, which caps the charger.
 *
 * <p>Messages of one connector go out in order: each waits for the answer to the one before (1.6
 * needs StartTransaction's transaction id for what follows).
 */
final class OcppChargers implements SimulationListener, AutoCloseable {

    private static final class Session {
        final String idTag;
        final String transactionId201 = UUID.randomUUID().toString();
        CompletableFuture<Long> transactionId16 = CompletableFuture.completedFuture(null);
        int seqNo;

        Session(String idTag) {
            this.idTag = idTag;
        }
    }

    private static final class Link {
        final SimulatedChargePoint charger;
        final OcppVersion version;
        final Map<Integer, Session> sessions = new HashMap<>();
        final Map<Integer, CompletableFuture<?>> chains = new HashMap<>();
        /** Each connector's energy register as last reported: what an open session ends with. */
        final Map<Integer, Long> registerWh = new HashMap<>();

        Link(SimulatedChargePoint charger, OcppVersion version) {
            this.charger = charger;
            this.version = version;
        }

        /** Sends after the connector's previous message was answered (or failed). */
        CompletableFuture<JsonNode> then(int connector, String action, java.util.function.Supplier<String> payload) {
            CompletableFuture<?> previous = chains.getOrDefault(connector, CompletableFuture.completedFuture(null));
            CompletableFuture<JsonNode> sent =
                    previous.handle((r, e) -> null).thenCompose(ignored -> charger.send(action, payload.get()));
            chains.put(connector, sent);
            return sent;
        }
    }

    private final Fleet fleet;
    private final OcppIds ids;
    private final Map<String, Link> links = new HashMap<>();
    /** The simulated time of the latest message: when sessions still open at the end are ended. */
    private Instant lastAt = Instant.EPOCH;

    OcppChargers(
            URI connectUrl,
            String password,
            SimulationConfig config,
            OcppIds ids,
            ChargerBehaviour behaviour,
            BiConsumer<String, Double> limits) {
        this.fleet = new Fleet(behaviour);
        this.ids = ids;
        for (SimulationConfig.ChargerSpec spec : config.chargerSpecs()) {
            OcppVersion version = "1.6J".equals(spec.group().ocppVersion()) ? OcppVersion.V16 : OcppVersion.V201;
            Responder responder =
                    ChargingLimits.obeying(Responder.accepting(), (connector, kw) -> limits.accept(spec.id(), kw));
            SimulatedChargePoint charger =
                    fleet.add(connectUrl, ids.chargePoint(spec.id()), password, version, responder);
            links.put(spec.id(), new Link(charger, version));
        }
    }

    void open() {
        links.values().forEach(link -> link.charger.start());
    }

    SimulatorStats stats() {
        return fleet.stats();
    }

    int chargers() {
        return links.size();
    }

    @Override
    public void sessionStarted(String chargerId, int connector, String vehicleId, long meterStartWh, Instant at) {
        Link link = links.get(chargerId);
        lastAt = at;
        link.registerWh.put(connector, meterStartWh);
        Session session = new Session(ids.idTag(vehicleId));
        link.sessions.put(connector, session);
        if (link.version == OcppVersion.V16) {
            link.then(
                    connector,
                    "StatusNotification",
                    () -> SessionPayloads.statusNotification(link.version, connector, "Preparing", at));
            session.transactionId16 = link.then(
                            connector,
                            "StartTransaction",
                            () -> SessionPayloads.startTransaction16(connector, session.idTag, meterStartWh, at))
                    .thenApply(answer -> answer.path("transactionId").asLong());
            link.then(
                    connector,
                    "StatusNotification",
                    () -> SessionPayloads.statusNotification(link.version, connector, "Charging", at));
        } else {
            link.then(
                    connector,
                    "StatusNotification",
                    () -> SessionPayloads.statusNotification(link.version, connector, "Occupied", at));
            link.then(
                    connector,
                    "TransactionEvent",
                    () -> SessionPayloads.transactionEvent201(
                            "Started",
                            session.transactionId201,
                            session.seqNo++,
                            "Authorized",
                            "Charging",
                            connector,
                            session.idTag,
                            meterStartWh,
                            0,
                            null,
                            null,
                            at));
        }
    }

    @Override
    public void meterSample(
            String chargerId, int connector, long energyWh, double powerKw, Double socPercent, Instant at) {
        Link link = links.get(chargerId);
        lastAt = at;
        link.registerWh.put(connector, energyWh);
        Session session = link.sessions.get(connector);
        double watts = powerKw * 1000;
        if (link.version == OcppVersion.V16) {
            CompletableFuture<Long> transaction =
                    session == null ? CompletableFuture.completedFuture(null) : session.transactionId16;
            link.then(
                    connector,
                    "MeterValues",
                    () -> SessionPayloads.meterValues16(
                            connector, transaction.getNow(null), energyWh, watts, socPercent, at));
        } else if (session == null) {
            link.then(connector, "MeterValues", () -> SessionPayloads.meterValues201(connector, energyWh, watts, at));
        } else {
            link.then(
                    connector,
                    "TransactionEvent",
                    () -> SessionPayloads.transactionEvent201(
                            "Updated",
                            session.transactionId201,
                            session.seqNo++,
                            "MeterValuePeriodic",
                            powerKw > 0 ? "Charging" : "SuspendedEV",
                            connector,
                            null,
                            energyWh,
                            watts,
                            socPercent,
                            null,
                            at));
        }
    }

    @Override
    public void sessionEnded(String chargerId, int connector, String vehicleId, long meterStopWh, Instant at) {
        Link link = links.get(chargerId);
        lastAt = at;
        link.registerWh.put(connector, meterStopWh);
        Session session = link.sessions.remove(connector);
        if (session == null) {
            return;
        }
        if (link.version == OcppVersion.V16) {
            link.then(connector, "StopTransaction", () -> {
                Long transaction = session.transactionId16.getNow(null);
                return SessionPayloads.stopTransaction16(
                        transaction == null ? -1 : transaction, meterStopWh, "EVDisconnected", at);
            });
        } else {
            link.then(
                    connector,
                    "TransactionEvent",
                    () -> SessionPayloads.transactionEvent201(
                            "Ended",
                            session.transactionId201,
                            session.seqNo++,
                            "EVCommunicationLost",
                            "Idle",
                            connector,
                            null,
                            meterStopWh,
                            0,
                            null,
                            "EVDisconnected",
                            at));
        }
        link.then(
                connector,
                "StatusNotification",
                () -> SessionPayloads.statusNotification(link.version, connector, "Available", at));
    }

    @Override
    public void chargerFaulted(String chargerId, boolean faulted, Instant at) {
        Link link = links.get(chargerId);
        String status = faulted ? "Faulted" : "Available";
        link.then(1, "StatusNotification", () -> SessionPayloads.statusNotification(link.version, 1, status, at));
    }

    @Override
    public void linkDropped(String chargerId, Instant at) {
        links.get(chargerId).charger.dropConnection();
    }

    /**
     * Ends the sessions still open (vehicles plugged in when the run ends: without it core keeps
     * their transactions active for ever), waits up to {@code drain} for every queued message to
     * be answered, then closes the sockets.
     *
     * @return how many connectors still had unanswered messages when the wait ended
     */
    int close(java.time.Duration drain) {
        links.forEach((chargerId, link) -> List.copyOf(link.sessions.keySet())
                .forEach(connector ->
                        sessionEnded(chargerId, connector, null, link.registerWh.getOrDefault(connector, 0L), lastAt)));
        List<CompletableFuture<?>> pending = new ArrayList<>();
        links.values().forEach(link -> pending.addAll(link.chains.values()));
        try {
            CompletableFuture.allOf(
                            pending.stream().map(f -> f.handle((r, e) -> null)).toArray(CompletableFuture[]::new))
                    .get(drain.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Counted below: the chargers close with what they could not deliver.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int unanswered = (int) pending.stream().filter(f -> !f.isDone()).count();
        fleet.close();
        return unanswered;
    }

    @Override
    public void close() {
        close(java.time.Duration.ZERO);
    }
}
