package io.depotops.schedule.adapter.in.rest;

import io.depotops.platform.openapi.NullableProperties;
import java.util.List;
import java.util.Map;

/**
 * The fields of the schedule contracts (shared-contracts carries no OpenAPI annotations) that may
 * be null in answers, documented as nullable. Registered with {@code mp.openapi.filter}.
 */
public class NullableScheduleFields extends NullableProperties {

    public NullableScheduleFields() {
        super(Map.of(
                "VehicleScheduleV1", List.of("chargerId", "connector", "socAtDeparture"),
                "LimitV1", List.of("ref"),
                "SolverV1", List.of("gap", "note")));
    }
}
