package io.depotops.connect.domain;

/** Whether a charger may open its websocket, and why not. */
public record HandshakeVerdict(boolean accepted, String reason) {}
