package io.depotops.core.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A command sent to a charger and, once known, how it ended. */
public record ChargerCommand(
        UUID id,
        UUID workspaceId,
        UUID chargerId,
        String chargePointId,
        String command,
        Map<String, Object> parameters,
        String requestedBy,
        Instant requestedAt,
        Instant deadline,
        String status,
        String detail,
        Map<String, Object> response,
        Instant completedAt) {

    public static final String PENDING = "PENDING";

    public static final Set<String> OUTCOMES = Set.of("ACCEPTED", "REJECTED", "FAILED", "TIMED_OUT", "OFFLINE");

    public ChargerCommand {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        response = response == null ? Map.of() : response;
    }
}
