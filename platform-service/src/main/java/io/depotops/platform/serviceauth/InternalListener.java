package io.depotops.platform.serviceauth;

import io.depotops.contracts.problem.ProblemType;
import io.depotops.platform.problem.ProblemResponses;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The internal listener (ADR 0008): a second HTTP port, for the service network only, that serves
 * the same application router but only {@code /internal/**} (and {@code /q/health} for probes),
 * and only to callers with a valid service token. The public listener answers {@code /internal/**}
 * with 404, as if it did not exist. A service without {@code depotops.internal.port} serves no
 * internal endpoint at all.
 */
@ApplicationScoped
public class InternalListener {

    /** {@code depotops.internal.*}. */
    @ConfigMapping(prefix = "depotops.internal")
    public interface Settings {
        /** Port of the internal listener (0: any free port, for tests); unset: none. */
        Optional<Integer> port();

        @WithDefault("0.0.0.0")
        String host();
    }

    /** Where the routing context keeps the verified calling service. */
    public static final String CALLER = "depotops.service-caller";

    static final String INTERNAL_PREFIX = "/internal/";
    private static final Logger LOG = Logger.getLogger(InternalListener.class);

    private final Settings settings;
    private final ServiceTokenVerifier verifier;
    private volatile HttpServer server;
    private volatile int boundPort = -1;

    InternalListener(Settings settings, ServiceTokenVerifier verifier) {
        this.settings = settings;
        this.verifier = verifier;
    }

    /** The port the internal listener is bound to, or -1 when this service has none. */
    public int port() {
        return boundPort;
    }

    void guard(@Observes Filters filters) {
        // Before authentication and every route: an internal path never reaches the public router.
        filters.register(this::route, 20_000);
    }

    void start(@Observes Router router, Vertx vertx) {
        if (settings.port().isEmpty()) {
            return;
        }
        if (!verifier.trustsAnyCaller()) {
            throw new IllegalStateException("depotops.internal.port is set but depotops.service-auth.trusted-callers"
                    + " is not: the internal listener would trust no caller (DEPOTOPS_SERVICE_AUTH_TRUSTED_CALLERS)");
        }
        try {
            HttpServer started = vertx.createHttpServer(new HttpServerOptions()
                            .setHost(settings.host())
                            .setPort(settings.port().get()))
                    .requestHandler(router)
                    .listen()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            server = started;
            boundPort = started.actualPort();
            LOG.infof("internal listener on %s:%d", settings.host(), boundPort);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "the internal listener could not bind port "
                            + settings.port().get(),
                    e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        HttpServer started = server;
        if (started != null) {
            started.close();
        }
    }

    private void route(RoutingContext context) {
        String path = context.normalizedPath();
        boolean internalPath = path.startsWith(INTERNAL_PREFIX);
        if (!onInternalListener(context)) {
            if (internalPath) {
                ProblemResponses.send(context, ProblemType.NOT_FOUND, "No such resource");
                return;
            }
            context.next();
            return;
        }
        if (path.startsWith("/q/health")) {
            context.next();
            return;
        }
        if (!internalPath) {
            ProblemResponses.send(context, ProblemType.NOT_FOUND, "The internal listener serves /internal/ only");
            return;
        }
        Optional<String> caller = bearer(context).flatMap(verifier::callerOf);
        if (caller.isEmpty()) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"depotops-internal\"");
            ProblemResponses.send(context, ProblemType.UNAUTHENTICATED, "A valid service token is required");
            return;
        }
        context.put(CALLER, caller.get());
        context.next();
    }

    private boolean onInternalListener(RoutingContext context) {
        SocketAddress local = context.request().localAddress();
        return boundPort > 0 && local != null && local.port() == boundPort;
    }

    private static Optional<String> bearer(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }
}
