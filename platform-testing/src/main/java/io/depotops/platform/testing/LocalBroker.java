package io.depotops.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Takes the real local RabbitMQ down and up again for fault tests ({@code rabbitmqctl stop_app}
 * and {@code start_app}): clients see their connections closed and refused, as in an outage, and
 * durable queues with their persistent messages survive.
 */
public final class LocalBroker {

    private LocalBroker() {}

    public static void stop() {
        rabbitmqctl("stop_app");
    }

    public static void start() {
        rabbitmqctl("start_app");
        rabbitmqctl("await_startup");
    }

    private static void rabbitmqctl(String command) {
        try {
            Process process = new ProcessBuilder(List.of("rabbitmqctl", command))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("rabbitmqctl is needed for broker fault tests", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running rabbitmqctl " + command, e);
        }
    }
}
