package io.depotops.core.application;

import io.depotops.core.application.port.ChargerRepository;
import io.depotops.core.application.port.MessageLog;
import io.depotops.core.domain.Charger;
import io.depotops.core.domain.OcppMessage;
import io.depotops.core.domain.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Records charger traffic and lets operators read a charger's messages over a time range. */
@ApplicationScoped
public class MessageLogService {

    static final Duration MAX_RANGE = Duration.ofDays(31);

    private final MessageLog log;
    private final ChargerRepository chargers;

    MessageLogService(MessageLog log, ChargerRepository chargers) {
        this.log = log;
        this.chargers = chargers;
    }

    public void record(OcppMessage message) {
        log.append(message);
    }

    public void recordAll(List<OcppMessage> messages) {
        log.appendAll(messages);
    }

    public Page<OcppMessage> messages(
            UUID workspaceId, UUID chargerId, Instant from, Instant to, int limit, String cursor) {
        Charger charger =
                chargers.find(workspaceId, chargerId).orElseThrow(() -> new NotFoundException("charger", chargerId));
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
        return log.page(charger.chargePointId(), start, end, limit, cursor);
    }
}
