package io.depotops.connect.application.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.RpcError;
import java.util.Optional;
import java.util.Set;

/**
 * Port: the official schemas of each OCPP version, which name the version's actions and validate
 * their payloads.
 */
public interface PayloadValidator {

    /** A payload that does not conform, with the CALLERROR class it deserves. */
    record Violation(RpcError error, String description) {}

    /** The actions the schemas of {@code version} name, each with a request and a response schema. */
    Set<String> actions(OcppVersion version);

    /** Whether the schemas of {@code version} name {@code action} at all. */
    default boolean knowsAction(OcppVersion version, String action) {
        return actions(version).contains(action);
    }

    Optional<Violation> validateRequest(OcppVersion version, String action, JsonNode payload);

    Optional<Violation> validateResponse(OcppVersion version, String action, JsonNode payload);
}
