package io.depotops.core.application;

import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.MessageLog;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.LoggedFrame;
import io.depotops.core.domain.OcppMessage;
import io.depotops.core.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records charger traffic and lets operators read a charger's messages over a time range, filter
 * them by action and follow a CALL to its answer.
 */
@ApplicationScoped
public class MessageLogService {

    static final Duration MAX_RANGE = Duration.ofDays(31);
    /** OCPP action names: letters only (BootNotification, TransactionEvent, ...). */
    private static final Pattern ACTION = Pattern.compile("[A-Za-z]{1,64}");

    /** A CALL and its CALLRESULT or CALLERROR (null while none was logged within the window). */
    public record Exchange(LoggedFrame call, LoggedFrame answer, Duration latency) {}

    private final MessageLog log;
    private final ChargerRepository chargers;
    private final Duration answerWindow;

    MessageLogService(
            MessageLog log,
            ChargerRepository chargers,
            @ConfigProperty(name = "depotops.message-log.answer-window", defaultValue = "PT5M") Duration answerWindow) {
        this.log = log;
        this.chargers = chargers;
        this.answerWindow = answerWindow;
    }

    public void record(OcppMessage message) {
        log.append(message);
    }

    public void recordAll(List<OcppMessage> messages) {
        log.appendAll(messages);
    }

    public Page<LoggedFrame> messages(
            UUID workspaceId, UUID chargerId, Instant from, Instant to, String action, int limit, String cursor) {
        Charger charger = charger(workspaceId, chargerId);
        Instant end = to != null ? to : Instant.now();
        Instant start = from != null ? from : end.minus(Duration.ofDays(1));
        if (!start.isBefore(end)) {
            throw new InvalidInputException("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new InvalidInputException("from", "the range may span at most " + MAX_RANGE.toDays() + " days");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", "must be between 1 and 1000");
        }
        String wanted = action == null || action.isBlank() ? null : action.strip();
        if (wanted != null && !ACTION.matcher(wanted).matches()) {
            throw new InvalidInputException("action", "must be an OCPP action name such as BootNotification");
        }
        return log.search(charger.chargePointId(), start, end, wanted, limit, cursor);
    }

    /** The CALL at {@code key} and what answered it; 404 for a key that is not in the charger's log. */
    public Exchange exchange(UUID workspaceId, UUID chargerId, String key) {
        Charger charger = charger(workspaceId, chargerId);
        LoggedFrame frame =
                log.find(charger.chargePointId(), key).orElseThrow(() -> new NotFoundException("message", key));
        if (frame.type() != LoggedFrame.Type.CALL) {
            throw new InvalidInputException("key", "names a " + frame.type() + ", not a CALL");
        }
        Optional<LoggedFrame> answer = log.answerTo(frame, answerWindow);
        return new Exchange(
                frame,
                answer.orElse(null),
                answer.map(a -> Duration.between(
                                frame.message().at(), a.message().at()))
                        .orElse(null));
    }

    private Charger charger(UUID workspaceId, UUID chargerId) {
        return chargers.find(workspaceId, chargerId).orElseThrow(() -> new NotFoundException("charger", chargerId));
    }
}
