package io.depotops.core.adapter.out.cache;

import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.as;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.charger;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.token;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.uniqueChargePointId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.depotops.core.application.ChargerFactsService;
import io.depotops.core.application.ChargerFactsService.StatusFact;
import io.depotops.core.application.port.LiveStateCache;
import io.depotops.platform.testing.FaultProxy;
import io.depotops.platform.testing.TestServers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live-state invalidation after commits (ADR 0006, amendment): coalesced per depot, sent
 * asynchronously within the window (100 ms, sent by a tick of 25 ms), never holding up the
 * transaction that changed the depot, and sent again once an unreachable Redis answers.
 */
@QuarkusTest
class LiveStateInvalidationTest {

    /** The window plus its tick plus a round trip, with room for a loaded test machine. */
    private static final Duration BOUND = Duration.ofMillis(1_500);

    @Inject
    LiveStateCache cache;

    @Inject
    ChargerFactsService facts;

    @Inject
    RedisDataSource redis;

    private String workspace;
    private String operator;
    private String depot;
    private String chargePointId;
    private String chargerId;

    @BeforeEach
    void depotWithACharger() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
        chargePointId = uniqueChargePointId();
        chargerId = as(operator)
                .body(charger(newSite(operator, workspace, depot), chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @AfterEach
    void redisBack() {
        TestServers.redis().restore();
    }

    @Test
    void manyChangesOfOneDepotWithinTheWindowCostOneInvalidation() {
        cachedLiveState();
        UUID depotId = UUID.fromString(depot);
        long before = generation();
        // Ten transactions marking the depot three times each, and marks outside a transaction.
        long started = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            QuarkusTransaction.requiringNew().run(() -> {
                for (int j = 0; j < 3; j++) {
                    cache.invalidateAfterCommit(depotId);
                }
            });
        }
        for (int i = 0; i < 20; i++) {
            cache.invalidateAfterCommit(depotId);
        }
        long burstMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();

        await().atMost(BOUND).until(() -> !cached());
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> generation() > before);
        // At most one operation per window the burst spanned (one when it fitted in one), never one per change.
        long windows = 1 + burstMillis / 100 + 1;
        assertThat(generation() - before).isBetween(1L, Math.min(windows, 10L));
    }

    @Test
    void theCachedLiveStateShowsANewStatusWithinTheBound() {
        assertThat(cachedLiveState()).contains("\"status\":\"Unknown\"");

        facts.statusesReported(List.of(status("FAULTED", Instant.now())));
        Instant committed = Instant.now();

        // Another instance reads Redis: the stale copy is gone within the bound.
        await().atMost(BOUND).pollInterval(Duration.ofMillis(10)).until(() -> !cached());
        assertThat(Duration.between(committed, Instant.now())).isLessThan(BOUND);
        // This instance reads its writes at once, and the rebuilt copy carries the new status.
        assertThat(live()).contains("\"status\":\"Faulted\"");
        assertThat(cachedLiveState()).contains("\"status\":\"Faulted\"");
    }

    @Test
    void anUnreachableRedisNeitherFailsNorStallsTheFactAndTheStaleCopyGoesWhenItReturns() {
        assertThat(cachedLiveState()).contains("\"status\":\"Unknown\"");
        long before = generation();
        FaultProxy proxy = TestServers.redis();

        proxy.stall();
        long started = System.nanoTime();
        facts.statusesReported(List.of(status("OCCUPIED", Instant.now())));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(took).isLessThan(Duration.ofMillis(500));
        // Committed although the invalidation is stuck; and again while Redis refuses outright.
        proxy.cut();
        started = System.nanoTime();
        facts.statusesReported(List.of(status("RESERVED", Instant.now().plusMillis(1))));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThat(connectorStatus()).isEqualTo("Reserved");

        proxy.restore();
        // The retry (pauses capped at 5 s) drops the copy cached before the facts.
        await().atMost(Duration.ofSeconds(10)).until(() -> !cached() && generation() > before);
        assertThat(cachedLiveState()).contains("\"status\":\"Reserved\"");
    }

    private StatusFact status(String status, Instant at) {
        return new StatusFact(UUID.randomUUID().toString(), chargePointId, null, 1, status, at);
    }

    /** Reads the live state until Redis holds its rendered copy, and returns that copy. */
    private String cachedLiveState() {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            live();
            return cached();
        });
        return redis.value(String.class).get(RedisLiveStateCache.documentKey(UUID.fromString(depot)));
    }

    private boolean cached() {
        return redis.key().exists(RedisLiveStateCache.documentKey(UUID.fromString(depot)));
    }

    private long generation() {
        String generation = redis.value(String.class).get(RedisLiveStateCache.generationKey(UUID.fromString(depot)));
        return generation == null ? 0 : Long.parseLong(generation);
    }

    private String live() {
        return as(operator)
                .get("/api/v1/workspaces/{ws}/depots/{id}/live", workspace, depot)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private String connectorStatus() {
        return as(operator)
                .get("/api/v1/workspaces/{ws}/chargers/{id}", workspace, chargerId)
                .path("connectors[0].status");
    }
}
