package io.depotops.core.application.port;

import io.depotops.core.domain.OcppMessage;
import io.depotops.core.domain.Page;
import java.time.Instant;
import java.util.List;

/** The OCPP message log: every frame of every charger, kept for a retention period. */
public interface MessageLog {

    /** Idempotent: appending the same message again stores it once. */
    void append(OcppMessage message);

    /** {@link #append} for many messages with as few requests as the store allows. */
    void appendAll(List<OcppMessage> messages);

    /** A charger's messages in {@code [from, to)}, newest first. */
    Page<OcppMessage> page(String chargePointId, Instant from, Instant to, int limit, String cursor);
}
