package io.depotops.platform.http;

import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemResponses;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a request path with a {@code .} or {@code ..} segment, also percent-encoded ({@code
 * %2e%2e}), with a 400 problem before routing. Vert.x resolves such segments, so {@code
 * /transactions/%2e%2e} would be answered by the parent resource, with a body of another shape than
 * the one asked for; no path of the APIs has such a segment. (A {@code %} without two hex digits
 * never gets here: Vert.x refuses such a URI while parsing, with a bare 400.)
 */
@ApplicationScoped
public class DotSegmentGuard {

    /** Right after {@link HttpLimits}, before routing. */
    static final int PRIORITY = HttpLimits.PRIORITY - 1;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    private void check(RoutingContext context) {
        String path = context.request().path();
        if (path != null && hasDotSegment(path)) {
            ProblemResponses.send(
                    context,
                    ProblemType.MALFORMED_REQUEST,
                    "The request path has a '.' or '..' segment; send the resource's path as it is");
            return;
        }
        context.next();
    }

    /** Whether a raw (not yet decoded) path has a segment that is {@code .} or {@code ..} once decoded. */
    static boolean hasDotSegment(String rawPath) {
        int start = 0;
        while (start <= rawPath.length()) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = rawPath.length();
            }
            String segment = rawPath.substring(start, end).replace("%2e", ".").replace("%2E", ".");
            if (segment.equals(".") || segment.equals("..")) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
