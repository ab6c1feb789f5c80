package io.depotops.contracts.corelink;

/**
 * May this token charge here? {@code tokenType} is the OCPP 2.0.1 IdTokenType ({@code ISO14443},
 * {@code eMAID}, ...); OCPP 1.6 id tags arrive as {@code Central}.
 */
public record AuthorizeRequest(String chargePointId, String idToken, String tokenType) {}
