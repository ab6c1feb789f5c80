package io.depotops.contracts.corelink;

/**
 * A charger opens its websocket. {@code password} is the HTTP basic password it sent (security
 * profiles 1 and 2), or {@code null}; {@code tls} says whether it came over TLS (profile 2).
 */
public record HandshakeRequest(String chargePointId, String ocppVersion, String password, boolean tls) {}
