package io.depotops.incidents.domain.notification;

import java.time.Instant;
import java.util.UUID;

/** One try to send a delivery: {@code error} null when it was accepted. */
public record DeliveryAttempt(UUID deliveryId, int attempt, Instant at, boolean succeeded, String detail) {}
