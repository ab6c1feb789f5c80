package io.depotops.telematics.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** {@code depotops.telematics.*}. */
@ConfigMapping(prefix = "depotops.telematics")
public interface StreamSettings {

    /** Updates of one vehicle within this window are coalesced; the latest values win. */
    @WithDefault("1s")
    Duration coalesceWindow();

    /** Vehicles with updates waiting to be published; past it, new messages are refused (busy). */
    @WithDefault("50000")
    int maxPendingVehicles();

    /**
     * The longest text message (in characters) read; a longer one is refused unread with a reason
     * and the stream stays up. The websocket's own frame limit ({@code
     * quarkus.websockets-next.server.max-message-size}) lies above it.
     */
    @WithDefault("1048576")
    int maxMessageLength();

    /** Stream clients by name: the provider they stream for, their workspace, their token's SHA-256. */
    Map<String, Client> clients();

    interface Client {
        String provider();

        String workspaceId();

        /** Hex SHA-256 of the bearer token the client presents on the handshake. */
        String tokenSha256();

        /** {@code generic} (depotops' documented JSON) or {@code fleet-telemetry} (field lists). */
        @WithDefault("generic")
        String format();
    }
}
