package io.depotops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/** Registers what a benchmark needs (chargers, vehicles) through core's API, a few at a time. */
final class CoreRegistration {

    private CoreRegistration() {}

    /**
     * POSTs {@code count} bodies to {@code uri} with at most {@code parallel} in flight, prints how
     * it went (and the first failure) and returns how many were not created.
     */
    static long postAll(
            HttpClient http, URI uri, String jwt, int count, int parallel, String what, IntFunction<String> body)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(parallel);
        LongAdder failed = new LongAdder();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            http.sendAsync(
                            HttpRequest.newBuilder(uri)
                                    .header("Authorization", "Bearer " + jwt)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, error) -> {
                        if (error != null || response.statusCode() != 201) {
                            if (failed.sum() == 0) {
                                System.out.println("  registration failed: "
                                        + (error != null ? error : response.statusCode() + " " + response.body()));
                            }
                            failed.increment();
                        }
                        inFlight.release();
                    });
        }
        inFlight.acquire(parallel);
        System.out.printf(
                "registered %,d %s in core in %.1f s (%,d failed)%n",
                count - failed.sum(), what, (System.nanoTime() - start) / 1e9, failed.sum());
        return failed.sum();
    }
}
