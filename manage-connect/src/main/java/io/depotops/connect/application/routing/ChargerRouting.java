package io.depotops.connect.application.routing;

import io.depotops.connect.application.ConnectSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * Keeps the routing of commands and the Redis holder record in step with the sessions this
 * instance holds. Each change is reconciled against the current state (is a session of the charger
 * live here now?) under a per-charger lock, so a reconnect that replaces a session on this instance
 * keeps the route and the record, and the order in which open and close are seen does not matter.
 */
@ApplicationScoped
public class ChargerRouting {

    private static final Logger LOG = Logger.getLogger(ChargerRouting.class);
    private static final int STRIPES = 64;

    private final CommandRoutes routes;
    private final ChargerHolders holders;
    private final InstanceIdentity instance;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("holder-refresh").factory());

    public ChargerRouting(
            CommandRoutes routes, ChargerHolders holders, InstanceIdentity instance, ConnectSettings settings) {
        this.routes = routes;
        this.holders = holders;
        this.instance = instance;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        long refresh = Math.max(1_000, settings.holderTtl().toMillis() / 3);
        timer.scheduleWithFixedDelay(this::refreshAll, refresh, refresh, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void shutdown() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * A session of the charger opened or ended; reconciles in the background with {@code live}
     * (asked at that time: does this instance hold a live session of the charger?).
     */
    public void sessionChanged(String chargePointId, Predicate<String> live) {
        workers.execute(() -> reconcile(chargePointId, live));
    }

    /** The chargers this instance routes commands for. */
    public Set<String> held() {
        return Set.copyOf(held);
    }

    void reconcile(String chargePointId, Predicate<String> live) {
        ReentrantLock lock = locks[Math.floorMod(chargePointId.hashCode(), STRIPES)];
        lock.lock();
        try {
            if (live.test(chargePointId)) {
                held.add(chargePointId);
                safely(() -> routes.route(chargePointId), "route commands of", chargePointId);
                safely(() -> holders.hold(chargePointId, instance.id()), "record the holder of", chargePointId);
            } else if (held.remove(chargePointId)) {
                safely(() -> routes.unroute(chargePointId), "stop routing commands of", chargePointId);
                safely(
                        () -> holders.release(chargePointId, instance.id()),
                        "remove the holder record of",
                        chargePointId);
            }
        } finally {
            lock.unlock();
        }
    }

    private void refreshAll() {
        for (String chargePointId : List.copyOf(held)) {
            safely(() -> holders.refresh(chargePointId, instance.id()), "refresh the holder record of", chargePointId);
        }
    }

    private static void safely(Runnable action, String what, String chargePointId) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warnf("could not %s %s: %s", what, chargePointId, e.getMessage());
        }
    }
}
