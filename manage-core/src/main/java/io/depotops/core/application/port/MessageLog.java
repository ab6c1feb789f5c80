package io.depotops.core.application.port;

import io.depotops.core.domain.LoggedFrame;
import io.depotops.core.domain.OcppMessage;
import io.depotops.core.domain.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

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

    /**
     * A charger's frames in {@code [from, to)}, newest first; with {@code action} only the CALLs of
     * that action. A page may hold fewer than {@code limit} frames while a cursor follows.
     */
    Page<LoggedFrame> search(String chargePointId, Instant from, Instant to, String action, int limit, String cursor);

    /** The frame at {@code key} (a {@link LoggedFrame#key()}) of the charger's log. */
    Optional<LoggedFrame> find(String chargePointId, String key);

    /** The CALLRESULT or CALLERROR that answered {@code call}, looked for up to {@code within} after it. */
    Optional<LoggedFrame> answerTo(LoggedFrame call, Duration within);

    /** Every frame of the charger in {@code [from, to)}, oldest first (exports). */
    void stream(String chargePointId, Instant from, Instant to, Consumer<LoggedFrame> sink);
}
