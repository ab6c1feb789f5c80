package io.depotops.contracts.corelink;

/**
 * The REST endpoints of manage-core that manage-connect calls for what a charger waits on. Each
 * answer must come well within the OCPP call timeout: connect calls with a deadline and falls back
 * to its offline policy when core does not answer in time.
 */
public final class CoreLinkPaths {

    public static final String BASE = "/internal/v1/core-link";

    /** POST {@link HandshakeRequest} -> {@link HandshakeDecision}: may this charger connect? */
    public static final String HANDSHAKE = "/handshake";

    /** POST {@link BootRequest} -> {@link BootDecision}. */
    public static final String BOOT = "/boot";

    /** POST {@link AuthorizeRequest} -> {@link AuthorizeDecision}. */
    public static final String AUTHORIZE = "/authorize";

    /** POST {@link TransactionStartRequest} -> {@link TransactionStartDecision}. */
    public static final String TRANSACTIONS = "/transactions";

    private CoreLinkPaths() {}
}
