package io.depotops.chargepointsim;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * Many simulated chargers sharing one HTTP client, one timer pool and one {@link SimulatorStats}:
 * opens them at a given rate (sockets per second, as after a CSMS restart or a depot power cut),
 * waits until all are accepted, and drives periodic messages.
 */
public final class Fleet implements AutoCloseable {

    private final ChargerBehaviour behaviour;
    private final Responder responder;
    private final SimulatorStats stats = new SimulatorStats();
    private final HttpClient http;
    private final ScheduledThreadPoolExecutor timers;
    private final List<SimulatedChargePoint> chargers = new ArrayList<>();

    /** @param tls trust for wss (security profile 2), or null */
    public Fleet(ChargerBehaviour behaviour, Responder responder, SSLContext tls) {
        this.behaviour = behaviour;
        this.responder = responder;
        HttpClient.Builder builder = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor());
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        this.timers =
                new ScheduledThreadPoolExecutor(2, Thread.ofPlatform().daemon().factory());
        this.timers.setRemoveOnCancelPolicy(true);
    }

    public Fleet(ChargerBehaviour behaviour) {
        this(behaviour, Responder.accepting(), null);
    }

    public SimulatedChargePoint add(URI csmsUrl, String chargePointId, String password, OcppVersion version) {
        return add(csmsUrl, chargePointId, password, version, responder);
    }

    /** A charger that answers the CSMS with its own responder (e.g. one that obeys its charging profiles). */
    public SimulatedChargePoint add(
            URI csmsUrl, String chargePointId, String password, OcppVersion version, Responder ownResponder) {
        SimulatedChargePoint charger = new SimulatedChargePoint(
                new Endpoint(csmsUrl, chargePointId, password, List.of(version.subprotocol())),
                version,
                http,
                timers,
                behaviour,
                stats,
                ownResponder);
        chargers.add(charger);
        return charger;
    }

    public List<SimulatedChargePoint> chargers() {
        return chargers;
    }

    public SimulatorStats stats() {
        return stats;
    }

    /** Starts every charger, {@code perSecond} of them per second; returns when the last started. */
    public void open(double perSecond) throws InterruptedException {
        long start = System.nanoTime();
        for (int i = 0; i < chargers.size(); i++) {
            long wait = start + (long) (i * 1e9 / perSecond) - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            chargers.get(i).start();
        }
    }

    /**
     * Waits until every charger was accepted once; returns the time from the first socket to the
     * last first acceptance, or empty when not all were accepted within {@code timeout}.
     */
    public Optional<Duration> awaitAllAccepted(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (stats.acceptedOnce() < chargers.size()) {
            if (System.nanoTime() > until) {
                return Optional.empty();
            }
            Thread.sleep(100);
        }
        return Optional.of(Duration.ofNanos((long) (stats.secondsUntilLastFirstAcceptance() * 1e9)));
    }

    /** Periodic messages running until closed. */
    public interface Ticking extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Has every charger {@link SimulatedChargePoint#tick() tick} once per {@code period}, each at a
     * random phase so that the load is even; counts ticks sent and skipped (previous CALL still
     * unanswered, or offline).
     */
    public Ticking tick(Duration period) {
        long periodMicros = Math.max(1, period.toNanos() / 1000);
        List<ScheduledFuture<?>> ticks = new ArrayList<>(chargers.size());
        for (SimulatedChargePoint charger : chargers) {
            ticks.add(timers.scheduleAtFixedRate(
                    () -> stats.count(charger.tick() ? TICKS_SENT : TICKS_SKIPPED),
                    ThreadLocalRandom.current().nextLong(periodMicros),
                    periodMicros,
                    TimeUnit.MICROSECONDS));
        }
        return () -> ticks.forEach(tick -> tick.cancel(false));
    }

    public static final String TICKS_SENT = "ticks sent";
    public static final String TICKS_SKIPPED = "ticks skipped (CALL outstanding or offline)";

    /** Stops every charger (close 1000) and the timers. */
    @Override
    public void close() {
        chargers.forEach(SimulatedChargePoint::stop);
        timers.shutdownNow();
        http.shutdownNow();
    }
}
