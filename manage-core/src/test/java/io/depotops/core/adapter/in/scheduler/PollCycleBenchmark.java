package io.depotops.core.adapter.in.scheduler;

import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiTestAccess.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.depotops.core.application.TelematicsIngestService.Outcome;
import io.depotops.core.application.TelematicsPollService;
import io.depotops.core.application.TelematicsPollService.AccountPoll;
import io.depotops.core.application.TelematicsPollService.WorkspacePoll;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * One poll cycle of a 5,000-vehicle Samsara fleet from a local stand-in (JDK HttpServer serving
 * generated feed pages of 512 vehicles), through the real ingest into PostgreSQL. Target: under
 * 30 s. Run: {@code ./mvnw -pl manage-core -am verify -Dtest=PollCycleBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; never part of the default run.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class PollCycleBenchmark {

    private static final int VEHICLES = 5_000;
    private static final int PAGE_SIZE = 512;
    private static final Duration TARGET = Duration.ofSeconds(30);

    @Inject
    TelematicsPollService polling;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPollCycleOf5000VehiclesFinishesUnder30Seconds() throws Exception {
        String workspace = newWorkspace();
        String admin = token("admin", workspace);
        String depot = newDepot(admin, workspace);
        registerVehicles(UUID.fromString(workspace), UUID.fromString(depot));
        Instant observedAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
        AtomicInteger pagesServed = new AtomicInteger();
        HttpServer samsara = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        samsara.createContext("/fleet/vehicles/stats/feed", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            int page = query != null && query.contains("after=p")
                    ? Integer.parseInt(query.replaceAll(".*after=p(\\d+).*", "$1"))
                    : 0;
            byte[] body = page(page, observedAt).getBytes(StandardCharsets.UTF_8);
            pagesServed.incrementAndGet();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        samsara.start();
        try {
            PollingFixtures.samsaraAccount(
                    admin, workspace, "http://127.0.0.1:" + samsara.getAddress().getPort(), "benchmark-token-0000");
            PollingFixtures.policy(admin, workspace, "POLLING", "SAMSARA");

            long started = System.nanoTime();
            List<WorkspacePoll> polled = polling.pollDue("benchmark", Instant.now());
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            AccountPoll poll = polled.stream()
                    .filter(p -> p.workspaceId().toString().equals(workspace))
                    .findFirst()
                    .orElseThrow()
                    .accounts()
                    .get(0);
            int accepted = poll.outcomes().getOrDefault(Outcome.ACCEPTED, 0);
            System.out.printf(
                    "%n=== telematics poll cycle benchmark ===%n"
                            + "vehicles: %d, pages: %d (of %d), accepted: %d, error: %s%n"
                            + "poll cycle: %.2f s (target < %d s), %.0f updates/s%n%n",
                    VEHICLES,
                    poll.pages(),
                    pagesServed.get(),
                    accepted,
                    poll.error(),
                    took.toMillis() / 1000.0,
                    TARGET.toSeconds(),
                    accepted / (took.toMillis() / 1000.0));
            assertThat(poll.error()).isNull();
            assertThat(accepted).isEqualTo(VEHICLES);
            assertThat(took).isLessThan(TARGET);
        } finally {
            samsara.stop(0);
        }
    }

    /** Bulk rows straight into the registry: the benchmark is about the poll, not vehicle creation. */
    private void registerVehicles(UUID workspace, UUID depot) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into vehicle (id, workspace_id, depot_id, vin,"
                        + " fleet_number, battery_kwh, telematics_provider, telematics_device_id)"
                        + " values (?, ?, ?, ?, ?, 350, 'samsara', ?)")) {
            for (int i = 0; i < VEHICLES; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, workspace);
                insert.setObject(3, depot);
                insert.setString(4, "WDB" + String.format("%014d", i));
                insert.setString(5, "BM-" + i);
                insert.setString(6, deviceId(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String deviceId(int i) {
        return "2814749" + String.format("%08d", i);
    }

    private static String page(int page, Instant at) {
        int from = page * PAGE_SIZE;
        int to = Math.min(from + PAGE_SIZE, VEHICLES);
        StringBuilder json = new StringBuilder("{\"data\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                json.append(',');
            }
            json.append("{\"id\":\"")
                    .append(deviceId(i))
                    .append("\",\"name\":\"Bus ")
                    .append(i)
                    .append("\",\"gps\":[{\"time\":\"")
                    .append(at)
                    .append("\",\"latitude\":53.55,\"longitude\":9.99,\"headingDegrees\":90,\"speedMilesPerHour\":0}],")
                    .append("\"obdOdometerMeters\":[{\"time\":\"")
                    .append(at)
                    .append("\",\"value\":")
                    .append(100_000_000 + i)
                    .append("}],\"evStateOfChargeMilliPercent\":[{\"time\":\"")
                    .append(at)
                    .append("\",\"value\":")
                    .append(20_000 + (i % 80_000))
                    .append("}]}");
        }
        boolean more = to < VEHICLES;
        json.append("],\"pagination\":{\"endCursor\":\"p")
                .append(page + 1)
                .append("\",\"hasNextPage\":")
                .append(more)
                .append("}}");
        return json.toString();
    }
}
