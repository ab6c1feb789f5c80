package io.depotops.contracts.registry;

/**
 * Core's registry feed on its internal listener, for manage-connect only (ADR 0010): the chargers
 * with their password verifiers and the id tokens connect decides admission and authorisation
 * with. Secrets travel only here, never on the events exchange.
 */
public final class RegistryPaths {

    public static final String BASE = "/internal/v1/registry";
    /** {@code GET ?after=SEQ&limit=N}: the entries changed after SEQ, in sequence order ({@link RegistryPageV1}). */
    public static final String CHANGES = "/changes";
    /** {@code GET /chargers/{chargePointId}}: one charger's entry now (the miss path), 404 if unknown. */
    public static final String CHARGER = "/chargers/{chargePointId}";
    /** {@code GET /id-tokens/{workspaceId}/{idToken}}: one token's entry now, 404 if unknown. */
    public static final String ID_TOKEN = "/id-tokens/{workspaceId}/{idToken}";

    private RegistryPaths() {}
}
