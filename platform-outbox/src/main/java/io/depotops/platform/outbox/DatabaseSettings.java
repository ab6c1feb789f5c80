package io.depotops.platform.outbox;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code depotops.db.*} ({@code DEPOTOPS_DB_*}): where the service's PostgreSQL is and how it logs
 * in. The datasource takes its credentials from here; as a mapping they are checked at startup, so
 * a deployment without them refuses to start naming the setting (a password-less login would
 * otherwise succeed wherever the server trusts local connections).
 */
@ConfigMapping(prefix = "depotops.db")
public interface DatabaseSettings {

    String host();

    int port();

    String username();

    String password();

    /** Injecting the mapping at startup is what makes Quarkus check it then. */
    @ApplicationScoped
    class RequiredAtStartup {
        void check(@Observes StartupEvent event, DatabaseSettings settings) {}
    }
}
