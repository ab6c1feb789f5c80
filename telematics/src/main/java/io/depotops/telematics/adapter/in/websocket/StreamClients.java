package io.depotops.telematics.adapter.in.websocket;

import io.depotops.telematics.application.StreamSettings;
import io.depotops.telematics.application.StreamSettings.Client;
import io.depotops.telematics.domain.StreamClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** Who a handshake's token belongs to: a configured client of the path's provider, or nobody. */
@ApplicationScoped
class StreamClients {

    record Authenticated(StreamClient client, String format) {}

    private final StreamSettings settings;

    StreamClients(StreamSettings settings) {
        this.settings = settings;
    }

    Optional<Authenticated> authenticate(String provider, String authorization, String tokenParameter) {
        String token = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip()
                : tokenParameter;
        if (token == null || token.isEmpty() || provider == null) {
            return Optional.empty();
        }
        byte[] digest = sha256(token);
        for (Map.Entry<String, Client> entry : settings.clients().entrySet()) {
            Client client = entry.getValue();
            byte[] expected = HexFormat.of().parseHex(client.tokenSha256());
            if (client.provider().equals(provider) && MessageDigest.isEqual(expected, digest)) {
                return Optional.of(new Authenticated(
                        new StreamClient(entry.getKey(), client.provider(), client.workspaceId()), client.format()));
            }
        }
        return Optional.empty();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
