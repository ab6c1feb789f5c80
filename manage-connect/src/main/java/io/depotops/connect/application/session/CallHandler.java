package io.depotops.connect.application.session;

import com.fasterxml.jackson.databind.JsonNode;

/** Answers a CALL of one action a charger initiates; the payload has passed the action's schema. */
@FunctionalInterface
public interface CallHandler {

    /** The CALLRESULT payload; throws {@link CallException} for a CALLERROR. */
    JsonNode handle(CallContext context, JsonNode payload);
}
