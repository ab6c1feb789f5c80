package io.depotops.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The body of every error response, media type {@value #MEDIA_TYPE} (RFC 9457). {@code errors}
 * lists each invalid field of a rejected request; {@code traceId} lets an operator find the
 * request's trace and logs. Extra members a problem type defines go into {@code extensions}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        URI instance,
        List<InvalidField> errors,
        String traceId,
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: a JSON pointer or parameter name, and what is wrong with it. */
    public record InvalidField(String field, String message) {}

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }
}
