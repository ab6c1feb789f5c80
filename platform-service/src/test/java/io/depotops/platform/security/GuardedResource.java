package io.depotops.platform.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** An endpoint that says nothing about security: secure by default, it needs a user's role. */
@Path("/guarded")
public class GuardedResource {

    @GET
    public String get() {
        return "ok";
    }
}
