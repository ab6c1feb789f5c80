package io.depotops.connect.adapter.out.corelink;

import io.depotops.contracts.corelink.AuthorizeDecision;
import io.depotops.contracts.corelink.AuthorizeRequest;
import io.depotops.contracts.corelink.BootDecision;
import io.depotops.contracts.corelink.BootRequest;
import io.depotops.contracts.corelink.HandshakeDecision;
import io.depotops.contracts.corelink.HandshakeRequest;
import io.depotops.contracts.corelink.TransactionStartDecision;
import io.depotops.contracts.corelink.TransactionStartRequest;
import io.depotops.platform.serviceauth.ServiceTokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The REST calls with their deadline (2 s per attempt) and one retry (after 200 ms) on a transport
 * failure, a timeout or a 5xx; a 4xx is not retried. Worst case about 4.2 s, well inside the OCPP
 * call timeout of chargers (typically 30 s or more). Tunable through MicroProfile Fault Tolerance
 * config, e.g. {@code io.depotops.connect.adapter.out.corelink.GuardedCoreCalls/boot/Timeout/value}.
 * Boot and authorize are safe to repeat: core answers the same question again; so is a
 * transaction start (core finds the transaction of the same charger, connector and start time).
 */
@ApplicationScoped
public class GuardedCoreCalls {

    /** Core is there but refuses the request (4xx): not worth a retry. */
    static class Refused extends RuntimeException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Core failed or could not be reached: worth one retry. */
    static class Failed extends RuntimeException {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final CoreLinkClient client;
    private final ServiceTokens tokens;

    public GuardedCoreCalls(@RestClient CoreLinkClient client, ServiceTokens tokens) {
        this.client = client;
        this.tokens = tokens;
    }

    /** Connect cannot admit a charger without core's link: no start without its service key. */
    void requireCredentials(@Observes StartupEvent event) {
        tokens.requireSigningKey();
    }

    @Timeout(2000)
    @Retry(
            maxRetries = 1,
            delay = 200,
            retryOn = {Failed.class, TimeoutException.class})
    public HandshakeDecision handshake(HandshakeRequest request) {
        return call("handshake", () -> client.handshake(request));
    }

    @Timeout(2000)
    @Retry(
            maxRetries = 1,
            delay = 200,
            retryOn = {Failed.class, TimeoutException.class})
    public BootDecision boot(BootRequest request) {
        return call("boot", () -> client.boot(request));
    }

    @Timeout(2000)
    @Retry(
            maxRetries = 1,
            delay = 200,
            retryOn = {Failed.class, TimeoutException.class})
    public AuthorizeDecision authorize(AuthorizeRequest request) {
        return call("authorize", () -> client.authorize(request));
    }

    @Timeout(2000)
    @Retry(
            maxRetries = 1,
            delay = 200,
            retryOn = {Failed.class, TimeoutException.class})
    public TransactionStartDecision startTransaction(TransactionStartRequest request) {
        return call("transactions", () -> client.startTransaction(request));
    }

    private static <T> T call(String what, Supplier<T> request) {
        T answer;
        try {
            answer = request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 500) {
                throw new Failed("core answered " + what + " with " + status, e);
            }
            throw new Refused("core refused " + what + " with " + status, e);
        } catch (ProcessingException e) {
            throw new Failed("core unreachable for " + what + ": " + e.getMessage(), e);
        }
        if (answer == null) {
            throw new Failed("core answered " + what + " without a body", null);
        }
        return answer;
    }
}
