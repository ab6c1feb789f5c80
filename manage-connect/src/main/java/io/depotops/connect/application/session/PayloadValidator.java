package io.depotops.connect.application.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.RpcError;
import java.util.Optional;

/** Port: validates OCPP payloads against the official schemas of their version. */
public interface PayloadValidator {

    /** A payload that does not conform, with the CALLERROR class it deserves. */
    record Violation(RpcError error, String description) {}

    /** Whether the schemas of {@code version} name {@code action} at all. */
    boolean knowsAction(OcppVersion version, String action);

    Optional<Violation> validateRequest(OcppVersion version, String action, JsonNode payload);

    Optional<Violation> validateResponse(OcppVersion version, String action, JsonNode payload);
}
