package io.depotops.contracts.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * One entry of the registry feed as of its last change {@code seq}. {@code kind} CHARGER: {@code
 * key} is the charge point id, with its OCPP version, security profile and password verifier (see
 * the verifier format in platform-service's ChargerPasswords). {@code kind} ID_TOKEN: {@code key}
 * is the id token of a vehicle of {@code workspaceId}. {@code removed}: the entry no longer
 * exists, and its other fields are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryEntryV1(
        long seq,
        Kind kind,
        UUID workspaceId,
        String key,
        boolean removed,
        String ocppVersion,
        Integer securityProfile,
        String passwordVerifier,
        UUID vehicleId) {

    public enum Kind {
        CHARGER,
        ID_TOKEN
    }
}
