package io.depotops.core.domain.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Largest-triangle-three-buckets downsampling (Steinarsson, 2013): keeps the first and last point
 * and, from each of {@code threshold - 2} equal buckets between them, the point that spans the
 * largest triangle with the point kept before it and the average of the next bucket. Peaks and
 * troughs survive, which plain averaging would flatten. Points must be in time order.
 */
public final class Lttb {

    private Lttb() {}

    public static List<SeriesPoint> downsample(List<SeriesPoint> points, int threshold) {
        if (threshold < 2) {
            throw new IllegalArgumentException("threshold must be at least 2, was " + threshold);
        }
        int size = points.size();
        if (size <= threshold) {
            return List.copyOf(points);
        }
        List<SeriesPoint> kept = new ArrayList<>(threshold);
        kept.add(points.getFirst());
        if (threshold > 2) {
            double bucketSize = (double) (size - 2) / (threshold - 2);
            int previous = 0;
            for (int bucket = 0; bucket < threshold - 2; bucket++) {
                int start = (int) Math.floor(bucket * bucketSize) + 1;
                int end = (int) Math.floor((bucket + 1) * bucketSize) + 1;
                int nextStart = end;
                int nextEnd = Math.min((int) Math.floor((bucket + 2) * bucketSize) + 1, size);
                if (nextStart >= nextEnd) {
                    // the last bucket: the next "bucket" is the last point alone
                    nextStart = size - 1;
                    nextEnd = size;
                }
                double averageX = 0;
                double averageY = 0;
                for (int i = nextStart; i < nextEnd; i++) {
                    averageX += x(points.get(i));
                    averageY += points.get(i).value();
                }
                averageX /= nextEnd - nextStart;
                averageY /= nextEnd - nextStart;

                double ax = x(points.get(previous));
                double ay = points.get(previous).value();
                double largest = -1;
                int chosen = start;
                for (int i = start; i < end; i++) {
                    double area = Math.abs(
                            (ax - averageX) * (points.get(i).value() - ay) - (ax - x(points.get(i))) * (averageY - ay));
                    if (area > largest) {
                        largest = area;
                        chosen = i;
                    }
                }
                kept.add(points.get(chosen));
                previous = chosen;
            }
        }
        kept.add(points.getLast());
        return kept;
    }

    /** Time as the x axis, in milliseconds relative to nothing in particular (only differences count). */
    private static double x(SeriesPoint point) {
        return point.at().toEpochMilli();
    }
}
