package io.depotops.connect.application;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code depotops.connect.*}: session timing, boot intervals, the registry copy, DataTransfer and PKI. */
@ConfigMapping(prefix = "depotops.connect")
public interface ConnectSettings {

    /** How long connect waits for a charger's answer to a CALL it sent. */
    @WithDefault("30s")
    Duration callTimeout();

    /**
     * Interval of the websocket pings connect sends (feeds {@code
     * quarkus.websockets-next.server.auto-ping-interval}).
     */
    @WithDefault("30s")
    Duration pingInterval();

    /**
     * A socket with no message and no pong for this long is dead and closed; keep it a few ping
     * intervals ({@code quarkus.websockets-next.server.auto-ping-interval}).
     */
    @WithDefault("90s")
    Duration deadSocketTimeout();

    /** How often sessions are checked for dead sockets. */
    @WithDefault("5s")
    Duration sweepInterval();

    /**
     * How many recent incoming message ids per session are remembered to detect duplicates (a
     * charger retransmits its last unanswered CALL, so a few suffice).
     */
    @WithDefault("32")
    int rememberedMessageIds();

    /**
     * This instance's id: names its command queue and its holder records in Redis. Unset: a random
     * UUID per start.
     */
    Optional<String> instanceId();

    /**
     * How long an open transaction is remembered without its end: a charger replaced or
     * decommissioned mid-transaction never sends one.
     */
    @WithDefault("P30D")
    Duration openTransactionRetention();

    /** Time to live of the Redis holder record of a charger; refreshed every third of it. */
    @WithDefault("90s")
    Duration holderTtl();

    /** How long the operator API waits for a command's result when no deadline is given. */
    @WithDefault("35s")
    Duration commandWait();

    /** The heartbeat interval an accepted BootNotification gives the charger. */
    @WithDefault("300s")
    Duration heartbeatInterval();

    /** How long a charger that core's registry does not know waits before it boots again. */
    @WithDefault("60s")
    Duration rejectedBootInterval();

    Registry registry();

    DataTransfer dataTransfer();

    Pki pki();

    /** DataTransfer from chargers. */
    interface DataTransfer {

        /** Vendor ids answered {@code Accepted}; any other gets {@code UnknownVendorId}. */
        Optional<Set<String>> acceptedVendors();
    }

    /** The certificate authority that answers the ISO 15118 certificate messages (2.0.1 block M). */
    interface Pki {

        /** Base URL; each request is POSTed to {@code <url>/<action>}. Unset: those are refused. */
        Optional<URI> url();

        /** Deadline for the PKI's answer; well inside the charger's call timeout. */
        @WithDefault("10s")
        Duration timeout();
    }

    /** Connect's read model of core's registry (ADR 0010). */
    interface Registry {

        /** How often the feed is pulled even without an announcement (a missed one is caught so). */
        @WithDefault("30s")
        Duration resyncInterval();

        /** How long a charger or token core does not know is answered without asking core again. */
        @WithDefault("30s")
        Duration missTtl();

        /** Entries per page of the feed. */
        @WithDefault("500")
        int pageSize();
    }
}
