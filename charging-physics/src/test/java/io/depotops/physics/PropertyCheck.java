package io.depotops.physics;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Plain JUnit property checks: the given boundary cases first, then cases drawn from a fixed-seed
 * {@link SplittableRandom}, so every run checks the same inputs. A failure names the property, the
 * seed, the case index and the inputs, which is all it takes to reproduce it.
 */
final class PropertyCheck {

    private PropertyCheck() {}

    static <T> void forAll(
            String property,
            long seed,
            int randomCases,
            List<T> boundaryCases,
            Function<SplittableRandom, T> generator,
            Consumer<T> check) {
        for (int i = 0; i < boundaryCases.size(); i++) {
            run(property, "boundary case " + i, seed, boundaryCases.get(i), check);
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < randomCases; i++) {
            run(property, "random case " + i, seed, generator.apply(random), check);
        }
    }

    private static <T> void run(String property, String which, long seed, T inputs, Consumer<T> check) {
        try {
            check.accept(inputs);
        } catch (AssertionError | RuntimeException failure) {
            throw new AssertionError(
                    "property '%s' failed at %s (seed 0x%X): inputs %s%n%s"
                            .formatted(property, which, seed, inputs, failure.getMessage()),
                    failure);
        }
    }

    /** A double in [min, max]; one draw in eight is an edge (min, max, or 0 when in range). */
    static double doubleIn(SplittableRandom random, double min, double max) {
        if (random.nextInt(8) == 0) {
            int edge = random.nextInt(3);
            if (edge == 0) {
                return min;
            }
            if (edge == 1) {
                return max;
            }
            return min <= 0 && 0 <= max ? 0 : min;
        }
        return min + random.nextDouble() * (max - min);
    }

    /** An int in [min, max]; one draw in eight is min or max. */
    static int intIn(SplittableRandom random, int min, int max) {
        if (random.nextInt(8) == 0) {
            return random.nextBoolean() ? min : max;
        }
        return random.nextInt(min, max + 1);
    }
}
