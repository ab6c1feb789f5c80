package io.depotops.platform.http;

import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemResponses;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request over the HTTP limits with a problem, before Vert.x or Quarkus answer it with an
 * empty body: a URI longer than {@code depotops.http.max-uri-length} with 414, a declared body
 * larger than {@code quarkus.http.limits.max-body-size} with 413 (and the connection closed, as
 * the body is not read). A chunked body that grows past the limit is stopped by Quarkus while the
 * endpoint reads it, and answered 413 by the problem mappers. A request line longer than {@code
 * quarkus.http.limits.max-initial-line-length} (set above the URI limit) never reaches a router:
 * Vert.x answers it 414 without a body.
 */
@ApplicationScoped
public class HttpLimits {

    /** Runs before every other filter and route, also before Quarkus' own body size check. */
    static final int PRIORITY = 30_000;

    private final int maxUriLength;
    private final Optional<MemorySize> maxBodySize;

    HttpLimits(
            @ConfigProperty(name = "depotops.http.max-uri-length", defaultValue = "8192") int maxUriLength,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize) {
        this.maxUriLength = maxUriLength;
        this.maxBodySize = maxBodySize;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        if (context.request().uri().length() > maxUriLength) {
            context.response().putHeader("Connection", "close");
            ProblemResponses.send(
                    context,
                    ProblemType.URI_TOO_LONG,
                    "The request URI is longer than %d characters".formatted(maxUriLength));
            return;
        }
        if (maxBodySize.isPresent()
                && declaredLength(context) > maxBodySize.get().asLongValue()) {
            context.response().putHeader("Connection", "close");
            ProblemResponses.send(
                    context,
                    ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than %d bytes"
                            .formatted(maxBodySize.get().asLongValue()));
            return;
        }
        context.next();
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
