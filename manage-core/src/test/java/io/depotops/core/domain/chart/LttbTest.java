package io.depotops.core.domain.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LttbTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static List<SeriesPoint> sine(int size) {
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            points.add(new SeriesPoint(T0.plusSeconds(60L * i), 100 + 50 * Math.sin(i / 40.0)));
        }
        return points;
    }

    @Test
    void aSeriesNoLongerThanTheThresholdIsReturnedAsIs() {
        List<SeriesPoint> points = sine(10);
        assertThat(Lttb.downsample(points, 10)).isEqualTo(points);
        assertThat(Lttb.downsample(points, 500)).isEqualTo(points);
        assertThat(Lttb.downsample(List.of(), 500)).isEmpty();
    }

    @Test
    void keepsExactlyThresholdPointsInTimeOrderWithTheFirstAndLast() {
        List<SeriesPoint> points = sine(43_200);
        List<SeriesPoint> reduced = Lttb.downsample(points, 1000);
        assertThat(reduced).hasSize(1000);
        assertThat(reduced.getFirst()).isEqualTo(points.getFirst());
        assertThat(reduced.getLast()).isEqualTo(points.getLast());
        assertThat(reduced).isSortedAccordingTo(Comparator.comparing(SeriesPoint::at));
        assertThat(points).containsAll(reduced);
    }

    @Test
    void twoPointsAreTheEnds() {
        List<SeriesPoint> points = sine(100);
        assertThat(Lttb.downsample(points, 2)).containsExactly(points.getFirst(), points.getLast());
    }

    @Test
    void aShortPeakSurvivesWhereAveragingWouldFlattenIt() {
        List<SeriesPoint> points = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            points.add(new SeriesPoint(T0.plusSeconds(60L * i), i == 6_543 ? 350 : 40));
        }
        List<SeriesPoint> reduced = Lttb.downsample(points, 50);
        assertThat(reduced).extracting(SeriesPoint::value).contains(350.0);
        assertThat(reduced.stream().mapToDouble(SeriesPoint::value).max().orElseThrow())
                .isEqualTo(350.0);
    }

    @Test
    void aThresholdBelowTwoIsRefused() {
        assertThatThrownBy(() -> Lttb.downsample(sine(5), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
