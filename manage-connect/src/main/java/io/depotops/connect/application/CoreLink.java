package io.depotops.connect.application;

import io.depotops.connect.domain.Authorization;
import io.depotops.connect.domain.BootNotice;
import io.depotops.connect.domain.BootOutcome;
import io.depotops.connect.domain.HandshakeVerdict;
import io.depotops.connect.domain.OcppVersion;
import io.depotops.connect.domain.TransactionStart;
import io.depotops.connect.domain.TransactionStartOutcome;

/**
 * Port to manage-core for what a charger waits on. Each call answers within a deadline (well
 * inside the OCPP call timeout) or throws {@link CoreUnavailableException}.
 */
public interface CoreLink {

    HandshakeVerdict handshake(String chargePointId, OcppVersion version, String password, boolean tls);

    BootOutcome boot(String chargePointId, OcppVersion version, BootNotice notice);

    Authorization authorize(String chargePointId, String idToken, String tokenType);

    /**
     * Core allocates (or, for the same charger, connector and start time, finds again) the
     * transaction and decides the token; the outcome is never provisional.
     */
    TransactionStartOutcome startTransaction(String chargePointId, TransactionStart start);
}
