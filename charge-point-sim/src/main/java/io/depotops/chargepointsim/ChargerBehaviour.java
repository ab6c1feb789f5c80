package io.depotops.chargepointsim;

import java.time.Duration;

/**
 * How a simulated charger behaves on the wire; the defaults are those of a common real charger.
 *
 * @param connectTimeout how long a websocket handshake may take
 * @param backoffMinimum first wait before reconnecting (OCPP 2.0.1 RetryBackOffWaitMinimum); the
 *     wait doubles with every failed attempt up to {@code backoffMaximum}
 * @param backoffRandomRange up to this much is added at random to each wait, so that a fleet does
 *     not reconnect in step (RetryBackOffRandomRange)
 * @param callTimeout how long a CALL waits for its answer before it is sent again
 * @param callAttempts how often a CALL is sent (the same message id each time) before it is given up
 * @param heartbeats whether to send a Heartbeat when no other CALL went out for the boot answer's
 *     interval
 * @param bootRetryWhenNoInterval when a Pending or Rejected boot answer gives no interval
 */
public record ChargerBehaviour(
        Duration connectTimeout,
        Duration backoffMinimum,
        Duration backoffMaximum,
        Duration backoffRandomRange,
        Duration callTimeout,
        int callAttempts,
        boolean heartbeats,
        Duration bootRetryWhenNoInterval,
        String vendor,
        String model) {

    public static ChargerBehaviour defaults() {
        return new ChargerBehaviour(
                Duration.ofSeconds(30),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                3,
                true,
                Duration.ofSeconds(30),
                "depotops",
                "charge-point-sim");
    }

    public ChargerBehaviour withBackoff(Duration minimum, Duration maximum, Duration randomRange) {
        return new ChargerBehaviour(
                connectTimeout,
                minimum,
                maximum,
                randomRange,
                callTimeout,
                callAttempts,
                heartbeats,
                bootRetryWhenNoInterval,
                vendor,
                model);
    }

    public ChargerBehaviour withCallTimeout(Duration timeout, int attempts) {
        return new ChargerBehaviour(
                connectTimeout,
                backoffMinimum,
                backoffMaximum,
                backoffRandomRange,
                timeout,
                attempts,
                heartbeats,
                bootRetryWhenNoInterval,
                vendor,
                model);
    }

    public ChargerBehaviour withHeartbeats(boolean enabled) {
        return new ChargerBehaviour(
                connectTimeout,
                backoffMinimum,
                backoffMaximum,
                backoffRandomRange,
                callTimeout,
                callAttempts,
                enabled,
                bootRetryWhenNoInterval,
                vendor,
                model);
    }

    public ChargerBehaviour withConnectTimeout(Duration timeout) {
        return new ChargerBehaviour(
                timeout,
                backoffMinimum,
                backoffMaximum,
                backoffRandomRange,
                callTimeout,
                callAttempts,
                heartbeats,
                bootRetryWhenNoInterval,
                vendor,
                model);
    }

    /** The wait before reconnect attempt {@code failures} (1 = after the first failure). */
    Duration backoff(int failures, double random) {
        long doubled = backoffMinimum.toMillis() << Math.min(Math.max(failures - 1, 0), 20);
        long capped = Math.min(doubled, backoffMaximum.toMillis());
        return Duration.ofMillis(capped + (long) (random * backoffRandomRange.toMillis()));
    }
}
