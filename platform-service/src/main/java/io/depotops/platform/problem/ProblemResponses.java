package io.depotops.platform.problem;

import io.depotops.contracts.problem.Problem;
import io.depotops.contracts.problem.Problem.InvalidField;
import io.depotops.contracts.problem.ProblemType;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/** Builds {@code application/problem+json} responses; the one way services answer errors. */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static Response of(ProblemType type, String detail) {
        return of(type, type.status(), detail, null, List.of(), Map.of());
    }

    public static Response of(
            ProblemType type,
            int status,
            String detail,
            URI instance,
            List<InvalidField> errors,
            Map<String, Object> extensions) {
        Problem problem =
                new Problem(type.type(), type.title(), status, detail, instance, errors, currentTraceId(), extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * Answers a request that no REST endpoint handles (a filter on the HTTP router) with a problem,
     * the same body an endpoint would give.
     */
    public static void send(RoutingContext context, ProblemType type, String detail) {
        Problem problem = new Problem(
                type.type(), type.title(), type.status(), detail, null, List.of(), currentTraceId(), Map.of());
        context.response()
                .setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }

    /**
     * The problem's {@code instance}: the request's path, percent-encoded again (a path may hold any
     * character once decoded: a space, {@code %}, a quote or NUL), or none when it cannot be written
     * as a URI. Never fails: answering an error must not raise another.
     */
    public static URI instance(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        try {
            return instance(uri.getPath());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** {@link #instance(UriInfo)} of a decoded path. */
    public static URI instance(String decodedPath) {
        if (decodedPath == null || decodedPath.isEmpty()) {
            return null;
        }
        try {
            // The multi-argument constructor quotes what a path may not hold (and always '%');
            // toASCIIString also encodes the non-ASCII characters, so the result is plain ASCII.
            return URI.create(new URI(null, null, decodedPath, null).toASCIIString());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The trace id of the current span, so a client's report leads to our logs and traces. */
    static String currentTraceId() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
