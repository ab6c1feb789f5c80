package io.depotops.connect.application.session;

import io.depotops.connect.domain.OcppActions;
import io.depotops.connect.domain.OcppVersion;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which handler answers each action a charger sends, per OCPP version: collected at startup from
 * every {@link ActionHandlers} bean. Connect does not start when an action is handled twice, or
 * is not one that the version's schemas name and chargers initiate ({@link OcppActions}).
 */
@Startup
@ApplicationScoped
public class HandledActions {

    private final Map<OcppVersion, Map<String, CallHandler>> handlers = new EnumMap<>(OcppVersion.class);

    @Inject
    public HandledActions(Instance<ActionHandlers> all, PayloadValidator schemas) {
        this((Iterable<ActionHandlers>) all, schemas);
    }

    public HandledActions(Iterable<? extends ActionHandlers> all, PayloadValidator schemas) {
        for (OcppVersion version : OcppVersion.values()) {
            handlers.put(version, new HashMap<>());
        }
        for (ActionHandlers bean : all) {
            OcppVersion version = bean.version();
            bean.handlers().forEach((action, handler) -> {
                if (!schemas.knowsAction(version, action)) {
                    throw new IllegalStateException(
                            action + " is handled, but the OCPP " + version.label() + " schemas do not name it");
                }
                if (!OcppActions.sentByChargers(action)) {
                    throw new IllegalStateException(action + " is handled, but chargers never send it");
                }
                if (handlers.get(version).putIfAbsent(action, handler) != null) {
                    throw new IllegalStateException("OCPP " + version.label() + " " + action + " is handled twice");
                }
            });
        }
    }

    /** The handler of {@code action} in {@code version}; empty when it is not implemented. */
    public Optional<CallHandler> handler(OcppVersion version, String action) {
        return Optional.ofNullable(handlers.get(version).get(action));
    }

    /** The actions of {@code version} that have a handler. */
    public Set<String> actions(OcppVersion version) {
        return Set.copyOf(handlers.get(version).keySet());
    }
}
