package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.depotops.core.application.chart.MeterSamples;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 11's figures: a month of a depot's power at 1-minute resolution (20 chargers charging all
 * month: 864,000 meter samples) downsampled to 1,000 points (target < 200 ms), and a month's
 * charging-sessions report of 60,000 transactions generated and stored in S3 (target < 10 s).
 * Data is inserted with SQL (generate_series). Run: {@code ./mvnw -pl manage-core -am verify
 * -Dtest=ChartAndReportBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}; never
 * part of the default run.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ChartAndReportBenchmark {

    private static final int CHARGERS = 20;
    private static final int TRANSACTIONS = 60_000;
    private static final int MINUTES = 43_199;
    private static final int LIVE_MINUTES = 1_440;
    private static final Instant MONTH = Instant.parse("2026-09-01T00:00:00Z");
    private static final Instant MONTH_END = Instant.parse("2026-10-01T00:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MeterSamples meterSamples;

    @Test
    void aMonthOfADepotsPowerAndAMonthsSessionsReport() throws Exception {
        String workspace = newWorkspace();
        String admin = token("admin", workspace);
        String depot = newDepot(admin, workspace);
        String site = newSite(admin, workspace, depot);
        List<UUID> chargers = new ArrayList<>();
        for (int i = 0; i < CHARGERS; i++) {
            chargers.add(UUID.fromString(as(admin)
                    .body(charger(site, uniqueChargePointId()))
                    .post("/api/v1/workspaces/{ws}/chargers", workspace)
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id")));
        }
        long firstId = (1L << 32) + ThreadLocalRandom.current().nextLong(1L << 36);
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            // one transaction per charger all month, a sample a minute (power 20-150 kW)
            try (PreparedStatement month = c.prepareStatement("""
                    insert into charging_transaction (id, workspace_id, charger_id, charge_point_id, evse_id,
                        connector_id, authorization_status, status, started_at, meter_start_wh)
                    select ? + n, ?, ch.id, ch.charge_point_id, 1, 1, 'Accepted', 'Active', cast(? as timestamptz), 0
                    from unnest(?) with ordinality as u(charger, n) join charger ch on ch.id = u.charger
                    """)) {
                month.setLong(1, firstId);
                month.setObject(2, UUID.fromString(workspace));
                month.setObject(3, java.time.OffsetDateTime.ofInstant(MONTH, java.time.ZoneOffset.UTC));
                month.setArray(4, c.createArrayOf("uuid", chargers.toArray()));
                month.executeUpdate();
            }
            try (PreparedStatement samples = c.prepareStatement("""
                    insert into transaction_meter_sample (transaction_id, sampled_at, energy_wh, power_w)
                    select ? + n, cast(? as timestamptz) + make_interval(mins => m), m * 1000, 20000 + (m * 7919 + n * 104729) % 130000
                    from generate_series(1, ?) n, generate_series(1, ?) m
                    """)) {
                samples.setLong(1, firstId);
                samples.setObject(2, java.time.OffsetDateTime.ofInstant(MONTH, java.time.ZoneOffset.UTC));
                samples.setInt(3, CHARGERS);
                samples.setInt(4, MINUTES - LIVE_MINUTES);
                samples.executeUpdate();
            }
            // 60,000 ended sessions in the month, spread over the chargers and connectors
            try (PreparedStatement sessions = c.prepareStatement("""
                    insert into charging_transaction (id, workspace_id, charger_id, charge_point_id, evse_id,
                        connector_id, authorization_status, status, started_at, ended_at, meter_start_wh,
                        meter_stop_wh, stop_reason)
                    select ? + 1000 + n, ?, ch.id, ch.charge_point_id, 1, 2, 'Accepted', 'Ended',
                           cast(? as timestamptz) + make_interval(secs => n * 43),
                           cast(? as timestamptz) + make_interval(secs => n * 43 + 3600),
                           0, 40000 + n % 9000, 'EVDisconnected'
                    from generate_series(1, ?) n
                    join unnest(?) with ordinality as u(charger, k) on k = n % ? + 1
                    join charger ch on ch.id = u.charger
                    """)) {
                sessions.setLong(1, firstId);
                sessions.setObject(2, UUID.fromString(workspace));
                sessions.setObject(3, java.time.OffsetDateTime.ofInstant(MONTH, java.time.ZoneOffset.UTC));
                sessions.setObject(4, java.time.OffsetDateTime.ofInstant(MONTH, java.time.ZoneOffset.UTC));
                sessions.setInt(5, TRANSACTIONS);
                sessions.setArray(6, c.createArrayOf("uuid", chargers.toArray()));
                sessions.setInt(7, CHARGERS);
                sessions.executeUpdate();
            }
            try (PreparedStatement analyze =
                    c.prepareStatement("analyze transaction_meter_sample, charging_transaction")) {
                analyze.execute();
            }
        }
        System.out.printf(
                "chart/report benchmark: data inserted in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        List<Long> monthIds =
                LongStream.rangeClosed(firstId + 1, firstId + CHARGERS).boxed().toList();
        long rebuilt = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(900).run(() -> meterSamples.rebuildRollups(monthIds));
        System.out.printf(
                "chart/report benchmark: rollups of %,d samples rebuilt in %d ms%n",
                (MINUTES - LIVE_MINUTES) * CHARGERS, (System.nanoTime() - rebuilt) / 1_000_000);
        // the month's last day as the consumer writes it: batches of 200 readings, rollups maintained
        List<MeterSamples.Reading> live = new ArrayList<>();
        for (int m = MINUTES - LIVE_MINUTES + 1; m <= MINUTES; m++) {
            for (int n = 1; n <= CHARGERS; n++) {
                live.add(new MeterSamples.Reading(
                        firstId + n,
                        MONTH.plusSeconds(60L * m),
                        m * 1000L,
                        20_000.0 + (m * 7919L + n * 104729L) % 130_000));
            }
        }
        long written = System.nanoTime();
        for (int i = 0; i < live.size(); i += 200) {
            List<MeterSamples.Reading> batch = live.subList(i, Math.min(live.size(), i + 200));
            QuarkusTransaction.requiringNew().run(() -> meterSamples.recordAll(batch));
        }
        long writtenMillis = (System.nanoTime() - written) / 1_000_000;
        System.out.printf(
                "chart/report benchmark: %,d live readings in batches of 200 written with rollups in %d ms (%,d/s)%n",
                live.size(), writtenMillis, live.size() * 1000L / Math.max(1, writtenMillis));
        try (Connection c = dataSource.getConnection();
                PreparedStatement analyze =
                        c.prepareStatement("analyze transaction_meter_minute, depot_meter_minute")) {
            analyze.execute();
        }

        String viewer = token("viewer", workspace);
        long[] chartMillis = new long[12];
        for (int i = 0; i < chartMillis.length; i++) {
            long t0 = System.nanoTime();
            int points = as(viewer)
                    .queryParam("from", MONTH.toString())
                    .queryParam("to", MONTH_END.toString())
                    .queryParam("points", 1000)
                    .get("/api/v1/workspaces/{ws}/depots/{id}/charts/power", workspace, depot)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("series")
                    .size();
            chartMillis[i] = (System.nanoTime() - t0) / 1_000_000;
            assertThat(points).isEqualTo(1000);
        }
        long[] warm = Arrays.copyOfRange(chartMillis, 2, chartMillis.length);
        Arrays.sort(warm);
        System.out.printf(
                "chart/report benchmark: depot power, 30 days x %d chargers (864,000 samples) -> 1,000 points:"
                        + " first %d ms, warm median %d ms, warm max %d ms (target < 200 ms)%n",
                CHARGERS, chartMillis[0], warm[warm.length / 2], warm[warm.length - 1]);

        for (String format : new String[] {"CSV", "XLSX"}) {
            long t0 = System.nanoTime();
            Map<String, Object> report = as(admin)
                    .body(Map.of(
                            "kind",
                            "CHARGING_SESSIONS",
                            "format",
                            format,
                            "from",
                            MONTH.toString(),
                            "to",
                            MONTH_END.toString()))
                    .post("/api/v1/workspaces/{ws}/reports", workspace)
                    .then()
                    .statusCode(201)
                    .extract()
                    .as(Map.class);
            long reportMillis = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf(
                    "chart/report benchmark: charging-sessions report (%s) of %s rows, %s bytes, generated and stored"
                            + " in %d ms (target < 10,000 ms)%n",
                    format, report.get("rows"), report.get("sizeBytes"), reportMillis);
            assertThat(((Number) report.get("rows")).intValue()).isEqualTo(TRANSACTIONS + CHARGERS);
        }
    }
}
