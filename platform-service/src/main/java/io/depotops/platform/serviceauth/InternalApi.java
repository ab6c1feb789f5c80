package io.depotops.platform.serviceauth;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource of the internal listener and names the services that may call it. The
 * listener has verified the caller's service token; {@link InternalCallerCheck} refuses every
 * other caller (and any request that did not come through the internal listener) with 403.
 * Combine with {@code @PermitAll}: internal calls carry no user roles.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface InternalApi {

    /** Service names ({@code quarkus.application.name}) allowed to call. */
    String[] callers() default {};
}
