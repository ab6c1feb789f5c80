package io.depotops.chargepointsim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What simulated chargers saw, shared by a fleet: named counters (each kind of trouble apart:
 * refusals by HTTP status, boots Pending/Rejected, retries, CALLERRORs by code, reconnects),
 * round-trip histograms (boot apart from the rest) and how long the fleet took to be accepted.
 */
public final class SimulatorStats {

    public static final String SOCKETS_OPENED = "sockets opened";
    public static final String RECONNECTS = "reconnects (socket opened again)";
    public static final String SOCKETS_LOST = "sockets lost";
    public static final String HANDSHAKE_REFUSED = "handshake refused HTTP ";
    public static final String CONNECT_FAILED = "connect failed: ";
    public static final String BOOT = "boot ";
    public static final String CALLS_SENT = "CALLs sent";
    public static final String CALL_RETRIES = "CALL retries (same message id)";
    public static final String CALLS_GIVEN_UP = "CALLs given up (never answered)";
    public static final String CALL_ERROR = "CALLERROR ";
    public static final String RESENT_AFTER_RECONNECT = "transaction messages resent after reconnect";
    public static final String QUEUED_OFFLINE = "transaction messages queued while offline";
    public static final String REFUSED_OFFLINE = "messages dropped while offline";
    public static final String STRAY_ANSWERS = "answers to no outstanding CALL";
    public static final String CSMS_CALL = "CSMS CALL ";
    public static final String HEARTBEATS = "heartbeats (interval of the boot answer)";

    private final ConcurrentSkipListMap<String, LongAdder> counters = new ConcurrentSkipListMap<>();
    private final Recorder roundTrips = new Recorder(3);
    private final Recorder bootRoundTrips = new Recorder(3);
    private final AtomicInteger acceptedNow = new AtomicInteger();
    private final AtomicInteger acceptedOnce = new AtomicInteger();
    private final AtomicLong firstSocketNanos = new AtomicLong();
    private final AtomicLong lastFirstAcceptanceNanos = new AtomicLong();

    public void count(String name) {
        counters.computeIfAbsent(name, key -> new LongAdder()).increment();
    }

    public long count(String name, long fallback) {
        LongAdder adder = counters.get(name);
        return adder == null ? fallback : adder.sum();
    }

    /** Every counter now, by name. */
    public Map<String, Long> counters() {
        Map<String, Long> now = new TreeMap<>();
        counters.forEach((name, adder) -> now.put(name, adder.sum()));
        return now;
    }

    /** {@code after - before}, counters that did not move left out. */
    public static Map<String, Long> delta(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> moved = new TreeMap<>();
        after.forEach((name, value) -> {
            long change = value - before.getOrDefault(name, 0L);
            if (change != 0) {
                moved.put(name, change);
            }
        });
        return moved;
    }

    /** Handshakes refused, all statuses together. */
    public long handshakesRefused() {
        return counters.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(HANDSHAKE_REFUSED))
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    /** CALLERRORs, all codes together. */
    public long callErrors() {
        return counters.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(CALL_ERROR))
                .mapToLong(entry -> entry.getValue().sum())
                .sum();
    }

    void roundTrip(long nanos, boolean boot) {
        (boot ? bootRoundTrips : roundTrips).recordValue(Math.max(1, nanos / 1000));
    }

    /** Round trips (microseconds) of every CALL but boots since the last call of this method. */
    public Histogram takeRoundTrips() {
        return roundTrips.getIntervalHistogram();
    }

    /** Round trips (microseconds) of BootNotifications since the last call of this method. */
    public Histogram takeBootRoundTrips() {
        return bootRoundTrips.getIntervalHistogram();
    }

    void socketOpening() {
        firstSocketNanos.compareAndSet(0, System.nanoTime());
    }

    void accepted(boolean firstTime) {
        acceptedNow.incrementAndGet();
        if (firstTime) {
            acceptedOnce.incrementAndGet();
            lastFirstAcceptanceNanos.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    void noLongerAccepted() {
        acceptedNow.decrementAndGet();
    }

    /** Chargers whose boot is Accepted on an open socket now. */
    public int acceptedNow() {
        return acceptedNow.get();
    }

    /** Chargers that were Accepted at least once. */
    public int acceptedOnce() {
        return acceptedOnce.get();
    }

    /** Seconds from the first socket opening to the last charger accepted for the first time. */
    public double secondsUntilLastFirstAcceptance() {
        long first = firstSocketNanos.get();
        long last = lastFirstAcceptanceNanos.get();
        return first == 0 || last == 0 ? Double.NaN : (last - first) / 1e9;
    }

    /** Seconds since the first socket started opening. */
    public double secondsSinceFirstSocket() {
        long first = firstSocketNanos.get();
        return first == 0 ? Double.NaN : (System.nanoTime() - first) / 1e9;
    }
}
