package io.depotops.core.domain.chart;

import java.time.Instant;

/** One point of a chart series: a time and a value in the series' unit. */
public record SeriesPoint(Instant at, double value) {}
