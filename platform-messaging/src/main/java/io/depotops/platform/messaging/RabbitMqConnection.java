package io.depotops.platform.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import com.rabbitmq.client.ShutdownSignalException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The service's one connection to RabbitMQ. A service boots while the broker is down and connects
 * when it comes; a lost connection is recovered by the client library's automatic recovery, and
 * the shared topology is declared again after each recovery.
 */
@ApplicationScoped
public class RabbitMqConnection {

    private static final Logger LOG = Logger.getLogger(RabbitMqConnection.class);

    private final RabbitMqSettings settings;
    private final String connectionName;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Connection connection;
    private volatile String lastFailure;

    RabbitMqConnection(
            RabbitMqSettings settings,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "depotops") String connectionName) {
        this.settings = settings;
        this.connectionName = connectionName;
    }

    void onStart(@Observes StartupEvent event) {
        Thread.ofVirtual().name("rabbitmq-connect").start(this::connectUntilOpen);
    }

    void onStop(@Observes ShutdownEvent event) {
        Connection current = connection;
        if (current != null) {
            try {
                current.close(2_000);
            } catch (IOException | RuntimeException e) {
                LOG.debugf(e, "closing the RabbitMQ connection");
            }
        }
    }

    /** True while the broker is reachable. */
    public boolean isOpen() {
        Connection current = connection;
        return current != null && current.isOpen();
    }

    /** Why the broker is not reachable, for health output; {@code null} when it is. */
    public String lastFailure() {
        return isOpen() ? null : lastFailure == null ? "not connected yet" : lastFailure;
    }

    /**
     * A new channel on the open connection.
     *
     * @throws BrokerUnavailableException while the broker is unreachable
     */
    public Channel openChannel() throws BrokerUnavailableException {
        Connection current = connectIfNeeded();
        try {
            Channel channel = current.createChannel();
            if (channel == null) {
                throw new BrokerUnavailableException("no channel available on the RabbitMQ connection");
            }
            return channel;
        } catch (IOException | ShutdownSignalException e) {
            throw new BrokerUnavailableException("RabbitMQ refused a channel: " + e.getMessage(), e);
        }
    }

    private Connection connectIfNeeded() throws BrokerUnavailableException {
        Connection current = connection;
        if (current != null && current.isOpen()) {
            return current;
        }
        if (current != null) {
            // Automatic recovery is under way; callers retry rather than open a second connection.
            throw new BrokerUnavailableException("RabbitMQ connection lost: " + lastFailure);
        }
        lock.lock();
        try {
            if (connection == null) {
                connection = newConnection();
            }
            return connection;
        } catch (IOException | TimeoutException e) {
            lastFailure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new BrokerUnavailableException("RabbitMQ unreachable: " + lastFailure, e);
        } finally {
            lock.unlock();
        }
    }

    private void connectUntilOpen() {
        while (connection == null && !Thread.currentThread().isInterrupted()) {
            try {
                connectIfNeeded();
            } catch (BrokerUnavailableException e) {
                try {
                    Thread.sleep(settings.reconnectInterval().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private Connection newConnection() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.host());
        factory.setPort(settings.port());
        factory.setUsername(settings.username());
        factory.setPassword(settings.password());
        factory.setVirtualHost(settings.virtualHost());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setTopologyRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(settings.reconnectInterval().toMillis());
        factory.setConnectionTimeout(5_000);
        factory.setRequestedHeartbeat(15);
        Connection created = factory.newConnection(connectionName);
        // Declared on a channel that stays open: the client's topology recovery then declares it again
        // after every reconnect.
        Topology.declareShared(created.createChannel());
        created.addShutdownListener(cause -> {
            if (!cause.isInitiatedByApplication()) {
                lastFailure = cause.getMessage();
            }
        });
        ((Recoverable) created).addRecoveryListener(new RecoveryListener() {
            @Override
            public void handleRecovery(Recoverable recoverable) {
                lastFailure = null;
            }

            @Override
            public void handleRecoveryStarted(Recoverable recoverable) {}
        });
        lastFailure = null;
        LOG.infof("connected to RabbitMQ at %s:%d", settings.host(), settings.port());
        return created;
    }
}
