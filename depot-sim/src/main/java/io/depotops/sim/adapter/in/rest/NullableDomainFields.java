package io.depotops.sim.adapter.in.rest;

import io.depotops.platform.openapi.NullableProperties;
import java.util.List;
import java.util.Map;

/**
 * The fields of domain records that the depot-sim API returns as they are and that may be null,
 * documented as nullable (the domain carries no OpenAPI annotations). Registered with {@code
 * mp.openapi.filter}.
 */
public class NullableDomainFields extends NullableProperties {

    public NullableDomainFields() {
        super(Map.of("VehicleView", List.of("chargerId")));
    }
}
