package io.depotops.contracts.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The event type (one of {@link EventTypes}) whose {@code data} a contract record is, so that a
 * consumer derives its bindings and its dispatch from the records it reads rather than from a list
 * of its own.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    String value();
}
