package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.charger;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newSite;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueChargePointId;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.uniqueVin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.depotops.core.adapter.in.scheduler.MeterSampleRetentionJob;
import io.depotops.core.application.TransactionService;
import io.depotops.core.application.TransactionService.MeterReading;
import io.depotops.core.application.TransactionService.Stage;
import io.depotops.core.application.TransactionService.TransactionFact;
import io.depotops.core.application.chart.ChartReadings;
import io.depotops.core.application.chart.ChartReadings.MeteredBucket;
import io.depotops.core.application.chart.ChartReadings.Scope;
import io.depotops.core.application.chart.MeterSamples;
import io.depotops.core.application.chart.MeterSamples.Reading;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-minute rollups (ADR 0015 amendment): kept up to date as readings arrive in any order and
 * batching, they answer exactly what the raw samples answer; long ranges are served from them, and
 * they outlive the raw samples' retention.
 */
@QuarkusTest
class ChartRollupTest {

    /** Recent enough to be inside the raw samples' retention, on no whole minute. */
    private static final Instant T0 = Instant.now()
            .truncatedTo(ChronoUnit.HOURS)
            .minus(Duration.ofDays(2))
            .plusSeconds(7);

    @Inject
    TransactionService transactions;

    @Inject
    MeterSamples samples;

    @Inject
    ChartReadings readings;

    @Inject
    MeterSampleRetentionJob retention;

    @Inject
    EntityManager em;

    private String workspace;
    private String depot;
    private String chargerA;
    private String cpA;
    private String cpB;
    private String vehicle;

    @BeforeEach
    void depotWithTwoChargersAndAVehicle() {
        workspace = newWorkspace();
        String operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
        String site = newSite(operator, workspace, depot);
        cpA = uniqueChargePointId();
        cpB = uniqueChargePointId();
        chargerA = newCharger(operator, site, cpA);
        newCharger(operator, site, cpB);
        vehicle = as(operator)
                .body(Map.of("vin", uniqueVin(), "fleetNumber", "R-" + cpA, "batteryKwh", 300, "idTag", "TAG-" + cpA))
                .post("/api/v1/workspaces/{ws}/vehicles", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private String newCharger(String operator, String site, String chargePointId) {
        return as(operator)
                .body(charger(site, chargePointId))
                .post("/api/v1/workspaces/{ws}/chargers", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private long started(String chargePointId, String idTag, Instant at) {
        long id = (1L << 31) + ThreadLocalRandom.current().nextInt(1 << 29);
        transactions.apply(
                UUID.randomUUID().toString(),
                new TransactionFact(chargePointId, Stage.STARTED, id, null, 1, 1, idTag, 5_000L, at, null));
        return id;
    }

    /**
     * Irregular readings of one transaction over {@code minutes}: 0-3 a minute at odd seconds, some
     * with register and power, some register only (power derived), some power only.
     */
    private static List<Reading> irregular(long tx, Instant start, int minutes, Random random) {
        List<Reading> out = new ArrayList<>();
        long wh = 5_000;
        for (int minute = 0; minute < minutes; minute++) {
            int count = random.nextInt(4);
            for (int k = 0; k < count; k++) {
                Instant at = start.plusSeconds(60L * minute + 3 + k * 17L + random.nextInt(10));
                double watts = 10_000 + random.nextInt(140_000);
                wh += random.nextInt(2_500);
                switch (random.nextInt(3)) {
                    case 0 -> out.add(new Reading(tx, at, wh, watts));
                    case 1 -> out.add(new Reading(tx, at, wh, null));
                    default -> out.add(new Reading(tx, at, null, watts));
                }
            }
        }
        return out;
    }

    /** Writes readings shuffled (late ones between earlier ones), in batches of varied size, some twice. */
    private void recordShuffled(List<Reading> all, Random random) {
        List<Reading> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, random);
        shuffled.addAll(shuffled.subList(0, shuffled.size() / 10));
        for (int i = 0; i < shuffled.size(); ) {
            int size = 1 + random.nextInt(60);
            List<Reading> batch = shuffled.subList(i, Math.min(shuffled.size(), i + size));
            QuarkusTransaction.requiringNew().run(() -> samples.recordAll(batch));
            i += size;
        }
    }

    private List<MeteredBucket> raw(Scope scope, UUID id, Instant from, Instant to, Duration bucket) {
        return QuarkusTransaction.requiringNew()
                .call(() -> readings.metered(UUID.fromString(workspace), scope, id, from, to, bucket));
    }

    private List<MeteredBucket> rolledUp(Scope scope, UUID id, Instant from, Instant to, Duration bucket) {
        return QuarkusTransaction.requiringNew()
                .call(() -> readings.meteredPerMinute(UUID.fromString(workspace), scope, id, from, to, bucket));
    }

    private static void assertSame(List<MeteredBucket> rolledUp, List<MeteredBucket> raw) {
        assertThat(rolledUp).hasSameSizeAs(raw).isNotEmpty();
        for (int i = 0; i < raw.size(); i++) {
            assertThat(rolledUp.get(i).start()).isEqualTo(raw.get(i).start());
            assertThat(rolledUp.get(i).powerKw()).isCloseTo(raw.get(i).powerKw(), offset(1e-6));
            assertThat(rolledUp.get(i).energyKwh()).isCloseTo(raw.get(i).energyKwh(), offset(1e-9));
        }
    }

    @Test
    void rollupsAnswerExactlyWhatTheRawSamplesAnswerWhateverTheArrivalOrder() {
        Random random = new Random(11);
        long txA = started(cpA, "TAG-" + cpA, T0);
        long txB = started(cpB, null, T0.plusSeconds(600));
        List<Reading> all = new ArrayList<>(irregular(txA, T0, 180, random));
        all.addAll(irregular(txB, T0.plusSeconds(600), 150, random));
        recordShuffled(all, random);

        Instant from = T0.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
        Instant to = from.plus(Duration.ofHours(5));
        UUID depotId = UUID.fromString(depot);
        for (Duration bucket : List.of(Duration.ofMinutes(1), Duration.ofMinutes(7))) {
            assertSame(rolledUp(Scope.DEPOT, depotId, from, to, bucket), raw(Scope.DEPOT, depotId, from, to, bucket));
            UUID charger = UUID.fromString(chargerA);
            assertSame(
                    rolledUp(Scope.CHARGER, charger, from, to, bucket), raw(Scope.CHARGER, charger, from, to, bucket));
            UUID car = UUID.fromString(vehicle);
            assertSame(rolledUp(Scope.VEHICLE, car, from, to, bucket), raw(Scope.VEHICLE, car, from, to, bucket));
        }
        // a window starting inside the transactions: the first minute's register rise starts before it
        Instant inside = from.plus(Duration.ofMinutes(95));
        assertSame(
                rolledUp(Scope.DEPOT, depotId, inside, to, Duration.ofMinutes(1)),
                raw(Scope.DEPOT, depotId, inside, to, Duration.ofMinutes(1)));

        // a rebuild from the raw samples (bulk imports) lands on the same rollups
        QuarkusTransaction.requiringNew().run(() -> samples.rebuildRollups(List.of(txA, txB)));
        assertSame(
                rolledUp(Scope.DEPOT, depotId, from, to, Duration.ofMinutes(1)),
                raw(Scope.DEPOT, depotId, from, to, Duration.ofMinutes(1)));
        UUID car = UUID.fromString(vehicle);
        assertSame(
                rolledUp(Scope.VEHICLE, car, from, to, Duration.ofMinutes(3)),
                raw(Scope.VEHICLE, car, from, to, Duration.ofMinutes(3)));
    }

    @Test
    void aConsumedBatchIsAppliedOnceAndKeepsEachTransactionsNewestRegister() {
        long tx = started(cpA, "TAG-" + cpA, T0);
        List<MeterReading> batch = new ArrayList<>();
        for (int minute = 1; minute <= 10; minute++) {
            batch.add(new MeterReading(
                    UUID.randomUUID().toString(),
                    cpA,
                    tx,
                    null,
                    5_000L + minute * 1_000L,
                    60_000.0,
                    T0.plusSeconds(60L * minute)));
        }
        batch.add(batch.get(3)); // redelivered in the same batch
        batch.add(new MeterReading(UUID.randomUUID().toString(), "unknown-" + cpA, 42L, null, 1L, 1.0, T0));
        transactions.meteredAll(batch);
        transactions.meteredAll(batch.subList(0, 5)); // redelivered batch

        String viewer = token("viewer", workspace);
        JsonPath energy = as(viewer)
                .queryParam("from", T0.toString())
                .queryParam("to", T0.plus(Duration.ofHours(7)).toString())
                .get("/api/v1/workspaces/{ws}/chargers/{id}/charts/energy", workspace, chargerA)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(energy.getInt("rawPoints")).isEqualTo(10);
        List<List<Number>> series = energy.getList("series");
        assertThat(series.getLast().get(1).doubleValue()).isCloseTo(10.0, offset(1e-9));
        // served from the rollups: the window widened to whole minutes
        assertThat(Instant.parse(energy.getString("from")).getEpochSecond() % 60)
                .isZero();

        as(viewer)
                .get("/api/v1/workspaces/{ws}/transactions/{id}", workspace, tx)
                .then()
                .statusCode(200)
                .body("energyKwh", org.hamcrest.Matchers.equalTo(10.0f));
    }

    @Test
    void rawSamplesPastTheRetentionAreDeletedAndTheirChartsStay() {
        Instant old = Instant.now().minus(Duration.ofDays(60)).truncatedTo(ChronoUnit.HOURS);
        long tx = started(cpA, "TAG-" + cpA, old);
        List<Reading> readings = new ArrayList<>();
        for (int minute = 1; minute <= 30; minute++) {
            readings.add(new Reading(tx, old.plusSeconds(60L * minute), 5_000L + minute * 500L, 30_000.0));
        }
        QuarkusTransaction.requiringNew().run(() -> samples.recordAll(readings));

        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(30);
        long left = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from transaction_meter_sample where transaction_id = ?1")
                                .setParameter(1, tx)
                                .getSingleResult())
                        .longValue());
        assertThat(left).isZero();

        JsonPath power = as(token("viewer", workspace))
                .queryParam("from", old.toString())
                .queryParam("to", old.plus(Duration.ofHours(1)).toString())
                .get("/api/v1/workspaces/{ws}/depots/{id}/charts/power", workspace, depot)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(power.getInt("rawPoints")).isEqualTo(30);
        List<List<Number>> series = power.getList("series");
        assertThat(series)
                .allSatisfy(point -> assertThat(point.get(1).doubleValue()).isEqualTo(30.0));
    }
}
