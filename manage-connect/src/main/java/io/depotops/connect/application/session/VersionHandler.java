package io.depotops.connect.application.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.depotops.connect.domain.OcppVersion;

/**
 * Turns the CALLs of one OCPP version into use cases and their answers back into that version's
 * payloads. The payload it gets has already passed the version's schema.
 */
public interface VersionHandler {

    OcppVersion version();

    /** Whether this handler implements {@code action} (a charger-initiated action). */
    boolean handles(String action);

    /** The CALLRESULT payload; throws {@link CallException} for a CALLERROR. */
    JsonNode handle(CallContext context, String action, JsonNode payload);
}
