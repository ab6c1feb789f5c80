package io.depotops.contracts.problem;

import java.net.URI;

/**
 * The catalogue of RFC 9457 problem types. The {@code type} URI of each is stable: clients may
 * switch on it. Titles are short and the same for every occurrence; details vary per occurrence.
 */
public enum ProblemType {
    // First of the 400s: the one forStatus gives for a 400 raised outside our own validation.
    MALFORMED_REQUEST("malformed-request", "Malformed request", 400),
    VALIDATION_FAILED("validation-failed", "Request validation failed", 400),
    UNAUTHENTICATED("unauthenticated", "Authentication required", 401),
    FORBIDDEN("forbidden", "Not allowed", 403),
    NOT_FOUND("not-found", "Resource not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "Representation not acceptable", 406),
    CONFLICT("conflict", "Conflict with an existing resource", 409),
    PRECONDITION_FAILED("precondition-failed", "Resource changed since it was read", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", 413),
    URI_TOO_LONG("uri-too-long", "Request URI too long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    PRECONDITION_REQUIRED("precondition-required", "If-Match header required", 428),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    INTERNAL_ERROR("internal-error", "Internal error", 500),
    DEPENDENCY_UNAVAILABLE("dependency-unavailable", "A dependency is unavailable", 503),
    TIMEOUT("timeout", "The operation timed out", 504);

    /** Base of every problem type URI. */
    public static final String BASE_URI = "https://depotops.io/problems/";

    private final URI type;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.type = URI.create(BASE_URI + slug);
        this.title = title;
        this.status = status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The catalogue entry for an HTTP status, for errors raised outside our own code. */
    public static ProblemType forStatus(int status) {
        for (ProblemType candidate : values()) {
            if (candidate.status == status) {
                return candidate;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
