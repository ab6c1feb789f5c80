package io.depotops.core.adapter.in.rest;

import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** A resource's ETag is its version; updates must send it back in If-Match. */
final class Etags {

    private Etags() {}

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 200 with the resource's view and its ETag. */
    static Response ok(long version, Object view) {
        return Response.ok(view).tag(of(version)).build();
    }

    /** 201 with the new resource's Location, view and ETag. */
    static Response created(UriInfo uri, UUID id, long version, Object view) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .tag(of(version))
                .entity(view)
                .build();
    }

    /**
     * The version an If-Match header names; 428 when it is missing, 412 when unreadable or weak:
     * If-Match uses the strong comparison (RFC 9110 section 13.1.1), under which a weak tag such as
     * {@code W/"0"} matches no current representation.
     */
    static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    ProblemType.PRECONDITION_REQUIRED,
                    "Send the ETag you read in If-Match, so that concurrent changes are not lost");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            throw new ProblemException(
                    ProblemType.PRECONDITION_FAILED,
                    "If-Match compares strongly: a weak entity tag (W/...) never matches; send the ETag as you read it");
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(
                    ProblemType.PRECONDITION_FAILED, "If-Match does not name a version of this resource");
        }
    }
}
