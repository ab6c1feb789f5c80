package io.depotops.platform.serviceauth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The service a REST client interface calls: the audience of its service tokens. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CallsService {

    /** The called service's name ({@code quarkus.application.name}), e.g. {@code manage-core}. */
    String value();
}
