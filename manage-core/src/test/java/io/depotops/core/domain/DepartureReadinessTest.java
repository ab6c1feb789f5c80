package io.depotops.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.core.domain.VehicleBlock.Recurrence;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DepartureReadinessTest {

    private static final Instant NOW = Instant.parse("2026-11-23T20:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Vehicle bus(BigDecimal maxDcKw, BigDecimal efficiency) {
        return new Vehicle(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "WDB90663310000001",
                "B-1",
                BigDecimal.valueOf(400),
                null,
                maxDcKw,
                efficiency,
                null,
                null,
                null,
                NOW,
                0);
    }

    private static VehicleBlock block(Instant departure, BigDecimal kwh, BigDecimal km, Recurrence recurrence) {
        return new VehicleBlock(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "Route 7",
                departure,
                departure.plusSeconds(8 * 3600),
                kwh,
                km,
                recurrence,
                null,
                NOW,
                0);
    }

    @Test
    void readyWhenTheProjectedChargeCoversTheBlockAndTheReserve() {
        // 200 kWh of 400 = 50 %, + 10 % reserve = 60 %. 30 % now + 50 kW x 10 h = 500 kWh -> capped 100 %.
        DepartureReadiness readiness = DepartureReadiness.assess(
                block(NOW.plusSeconds(36_000), BigDecimal.valueOf(200), null, Recurrence.NONE),
                bus(BigDecimal.valueOf(50), null),
                BigDecimal.valueOf(30),
                NOW.plusSeconds(36_000),
                NOW);
        assertThat(readiness.requiredSocPercent()).isEqualByComparingTo("60.0");
        assertThat(readiness.projectedSocPercent()).isEqualByComparingTo("100.0");
        assertThat(readiness.ready()).isTrue();
    }

    @Test
    void notReadyWhenTooLittleTimeIsLeft() {
        // 1 h at 40 kW = 40 kWh = 10 %: 20 % -> 30 % < 60 %.
        DepartureReadiness readiness = DepartureReadiness.assess(
                block(NOW.plusSeconds(3600), BigDecimal.valueOf(200), null, Recurrence.NONE),
                bus(BigDecimal.valueOf(40), null),
                BigDecimal.valueOf(20),
                NOW.plusSeconds(3600),
                NOW);
        assertThat(readiness.projectedSocPercent()).isEqualByComparingTo("30.0");
        assertThat(readiness.ready()).isFalse();
    }

    @Test
    void aDistanceIsConvertedWithTheVehiclesConsumption() {
        // 100 km x 1.2 kWh/km = 120 kWh = 30 % + 10 % = 40 %.
        DepartureReadiness readiness = DepartureReadiness.assess(
                block(NOW, null, BigDecimal.valueOf(100), Recurrence.NONE),
                bus(BigDecimal.valueOf(150), new BigDecimal("1.2")),
                BigDecimal.valueOf(45),
                NOW,
                NOW);
        assertThat(readiness.requiredSocPercent()).isEqualByComparingTo("40.0");
        assertThat(readiness.ready()).isTrue();
    }

    @Test
    void unknownWithoutAStateOfCharge() {
        DepartureReadiness readiness = DepartureReadiness.assess(
                block(NOW, BigDecimal.TEN, null, Recurrence.NONE), bus(BigDecimal.TEN, null), null, NOW, NOW);
        assertThat(readiness.ready()).isNull();
        assertThat(readiness.reason()).contains("no state of charge");
    }

    @Test
    void aWeekdayBlockNextDepartsOnMondayAtTheSameLocalTime() {
        // Friday 2026-11-20 05:30 in Berlin (04:30 UTC); asked on Saturday: next is Monday 05:30.
        VehicleBlock weekdays = block(Instant.parse("2026-11-20T04:30:00Z"), BigDecimal.TEN, null, Recurrence.WEEKDAYS);
        assertThat(weekdays.nextDeparture(Instant.parse("2026-11-21T10:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-11-23T04:30:00Z"));
        VehicleBlock daily = block(Instant.parse("2026-11-20T04:30:00Z"), BigDecimal.TEN, null, Recurrence.DAILY);
        assertThat(daily.nextDeparture(Instant.parse("2026-11-21T10:00:00Z"), BERLIN))
                .isEqualTo(Instant.parse("2026-11-22T04:30:00Z"));
    }
}
