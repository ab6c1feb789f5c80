package io.depotops.core.application.port;

import io.depotops.core.domain.OcppMessage;
import io.depotops.core.domain.Page;
import java.time.Instant;
import java.util.List;

/** The OCPP message log: every frame of every charger, kept for a retention period. */
public interface MessageLog {

    /**
     * Idempotent: appending the same message again stores it once.
     *
     * @throws MessageLogUnavailableException when the store cannot take it now (append it again later)
     */
    void append(OcppMessage message);

    /**
     * {@link #append} for many messages with as few requests as the store allows; returns only once
     * the store took every one of them.
     *
     * @throws MessageLogUnavailableException when the store did not take them all now (append them
     *     all again later: those already stored are stored once)
     */
    void appendAll(List<OcppMessage> messages);

    /** A charger's messages in {@code [from, to)}, newest first. */
    Page<OcppMessage> page(String chargePointId, Instant from, Instant to, int limit, String cursor);
}
