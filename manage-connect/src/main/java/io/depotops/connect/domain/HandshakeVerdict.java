package io.depotops.connect.domain;

import java.util.UUID;

/** Whether a charger may open its websocket (and in which workspace it is), or why not. */
public record HandshakeVerdict(boolean accepted, UUID workspaceId, String reason) {

    public static HandshakeVerdict accept(UUID workspaceId) {
        return new HandshakeVerdict(true, workspaceId, null);
    }

    public static HandshakeVerdict refuse(String reason) {
        return new HandshakeVerdict(false, null, reason);
    }
}
