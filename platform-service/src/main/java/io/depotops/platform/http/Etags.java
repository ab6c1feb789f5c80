package io.depotops.platform.http;

import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** A resource's ETag is its version; changes must send it back in If-Match. */
public final class Etags {

    private Etags() {}

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static Response ok(long version, Object view) {
        return Response.ok(view).tag(of(version)).build();
    }

    public static Response created(UriInfo uri, String collectionPath, UUID id, long version, Object view) {
        return Response.created(uri.getBaseUriBuilder()
                        .path(collectionPath)
                        .path(id.toString())
                        .build())
                .tag(of(version))
                .entity(view)
                .build();
    }

    /** The version an If-Match header names; 428 when it is missing, 412 when unreadable. */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    ProblemType.PRECONDITION_REQUIRED,
                    "Send the ETag you read in If-Match, so that concurrent changes are not lost");
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
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
