package io.depotops.schedule.domain.problem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The planning horizon: consecutive slots from {@code start}, each with its own length. */
public final class Horizon {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private final Instant start;
    private final List<Duration> slotLengths;
    private final Instant[] starts;

    public Horizon(Instant start, List<Duration> slotLengths) {
        if (slotLengths.isEmpty()) {
            throw new IllegalArgumentException("a horizon has at least one slot");
        }
        this.start = start;
        this.slotLengths = List.copyOf(slotLengths);
        this.starts = new Instant[slotLengths.size() + 1];
        Instant at = start;
        for (int i = 0; i < slotLengths.size(); i++) {
            starts[i] = at;
            at = at.plus(slotLengths.get(i));
        }
        starts[slotLengths.size()] = at;
    }

    /** {@code count} slots of the same length from {@code start}. */
    public static Horizon uniform(Instant start, Duration slotLength, int count) {
        return new Horizon(start, java.util.Collections.nCopies(count, slotLength));
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return starts[slotLengths.size()];
    }

    public int slots() {
        return slotLengths.size();
    }

    public List<Duration> slotLengths() {
        return slotLengths;
    }

    public Instant slotStart(int slot) {
        return starts[slot];
    }

    public Instant slotEnd(int slot) {
        return starts[slot + 1];
    }

    public double hours(int slot) {
        return slotLengths.get(slot).toMillis() / 1000.0 / SECONDS_PER_HOUR;
    }

    /** The share of slot {@code slot} that lies inside {@code [from, to)}, 0 to 1. */
    public double overlap(int slot, Instant from, Instant to) {
        Instant a = from.isAfter(starts[slot]) ? from : starts[slot];
        Instant b = to.isBefore(starts[slot + 1]) ? to : starts[slot + 1];
        if (!a.isBefore(b)) {
            return 0;
        }
        return (double) Duration.between(a, b).toMillis()
                / slotLengths.get(slot).toMillis();
    }

    /** The slot that contains {@code at}, or -1 outside the horizon. */
    public int slotOf(Instant at) {
        if (at.isBefore(start) || !at.isBefore(end())) {
            return -1;
        }
        int lo = 0;
        int hi = slotLengths.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid].isAfter(at)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    /** The slots from {@code first} on, as a horizon of their own (a re-plan's remaining horizon). */
    public Horizon from(int first) {
        return new Horizon(starts[first], slotLengths.subList(first, slotLengths.size()));
    }
}
