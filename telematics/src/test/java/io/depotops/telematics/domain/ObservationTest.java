package io.depotops.telematics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObservationTest {

    private static final Instant T1 = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant T2 = T1.plusSeconds(10);

    private static Observation observation(
            Instant at,
            Double soc,
            Double odometer,
            Double latitude,
            Double longitude,
            Double heading,
            Map<String, Object> attributes) {
        return new Observation(
                "gps-1",
                null,
                at,
                soc,
                odometer,
                latitude,
                longitude,
                heading,
                null,
                null,
                null,
                null,
                null,
                null,
                attributes);
    }

    @Test
    void theNewerValuesWinAndTheOlderFillWhatTheNewerDidNotSay() {
        Observation older = observation(T1, 50.0, 1000.0, null, null, null, Map.of());
        Observation newer = observation(T2, 52.0, null, null, null, null, Map.of());

        Observation merged = older.coalesce(newer);

        assertThat(merged.observedAt()).isEqualTo(T2);
        assertThat(merged.stateOfChargePercent()).isEqualTo(52.0);
        assertThat(merged.odometerKm()).isEqualTo(1000.0);
    }

    @Test
    void theOrderOfCoalescingDoesNotMatter() {
        Observation older = observation(T1, 50.0, 1000.0, 53.5, 10.0, 90.0, Map.of("a", 1));
        Observation newer = observation(T2, 52.0, null, null, null, null, Map.of("b", 2));

        assertThat(older.coalesce(newer)).isEqualTo(newer.coalesce(older));
    }

    @Test
    void aPositionIsTakenWholeFromOneObservationNeverMixed() {
        Observation older = observation(T1, null, null, 53.5, 10.0, 90.0, Map.of());
        Observation newerWithoutHeading = observation(T2, null, null, 53.6, 10.1, null, Map.of());
        Observation newerWithoutPosition = observation(T2, null, null, null, 10.1, 45.0, Map.of());

        Observation moved = older.coalesce(newerWithoutHeading);
        assertThat(moved.latitude()).isEqualTo(53.6);
        assertThat(moved.longitude()).isEqualTo(10.1);
        assertThat(moved.headingDegrees()).as("the new fix had none").isNull();

        Observation stayed = older.coalesce(newerWithoutPosition);
        assertThat(stayed.latitude()).isEqualTo(53.5);
        assertThat(stayed.longitude()).isEqualTo(10.0);
        assertThat(stayed.headingDegrees()).isEqualTo(90.0);
    }

    @Test
    void attributesAreMergedWithTheNewerWinning() {
        Observation older = observation(T1, null, null, null, null, null, Map.of("firmware", "7.0", "gear", "P"));
        Observation newer = observation(T2, null, null, null, null, null, Map.of("firmware", "7.1"));

        assertThat(older.coalesce(newer).attributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("firmware", "7.1", "gear", "P"));
    }

    @Test
    void attributesAreNeverNullAndCannotBeChangedAfterwards() {
        assertThat(observation(T1, null, null, null, null, null, null).attributes())
                .isEmpty();

        Map<String, Object> given = new HashMap<>(Map.of("gear", "P"));
        Observation observation = observation(T1, null, null, null, null, null, given);
        given.put("gear", "D");

        assertThat(observation.attributes()).containsEntry("gear", "P");
        assertThatThrownBy(() -> observation.attributes().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
