package io.depotops.connect.application.session;

import io.depotops.connect.domain.OcppVersion;
import java.util.Map;

/**
 * Turns some of the CALLs chargers of one OCPP version send into use cases, and their answers back
 * into that version's payloads: each action with its handler. {@link HandledActions} collects every
 * bean of this type.
 */
public interface ActionHandlers {

    OcppVersion version();

    /** The actions answered here, each with its handler. */
    Map<String, CallHandler> handlers();
}
