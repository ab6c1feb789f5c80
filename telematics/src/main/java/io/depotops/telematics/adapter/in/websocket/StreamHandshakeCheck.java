package io.depotops.telematics.adapter.in.websocket;

import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** A stream opens only with the bearer token of a client of the path's provider (else 401). */
@ApplicationScoped
public class StreamHandshakeCheck implements HttpUpgradeCheck {

    private static final Map<String, List<String>> CHALLENGE = Map.of("WWW-Authenticate", List.of("Bearer"));

    private final StreamClients clients;

    StreamHandshakeCheck(StreamClients clients) {
        this.clients = clients;
    }

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        var request = context.httpRequest();
        boolean known = clients.authenticate(
                        context.pathParam("provider"), request.getHeader("Authorization"), request.getParam("token"))
                .isPresent();
        return known ? CheckResult.permitUpgrade() : CheckResult.rejectUpgrade(401, CHALLENGE);
    }
}
