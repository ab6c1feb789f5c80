package io.depotops.contracts.corelink;

/** Whether the charger may connect; {@code reason} says why not, for connect's log. */
public record HandshakeDecision(boolean accepted, String reason) {

    public static HandshakeDecision accept() {
        return new HandshakeDecision(true, null);
    }

    public static HandshakeDecision reject(String reason) {
        return new HandshakeDecision(false, reason);
    }
}
