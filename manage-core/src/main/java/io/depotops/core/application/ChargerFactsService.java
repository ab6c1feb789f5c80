package io.depotops.core.application;

import io.depotops.core.application.port.ChargerFactsStore;
import io.depotops.core.application.port.ProcessedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Applies what manage-connect observed at chargers (status, connectivity) to core's records and
 * live state. Each fact is applied once (by message id) and only if newer than what is stored, so
 * redelivered and late facts are harmless.
 */
@ApplicationScoped
public class ChargerFactsService {

    private static final Logger LOG = Logger.getLogger(ChargerFactsService.class);
    private static final String CONSUMER = "core.charger-facts";

    private final ChargerFactsStore store;
    private final ProcessedMessages processed;
    private final LiveStateService liveState;

    ChargerFactsService(ChargerFactsStore store, ProcessedMessages processed, LiveStateService liveState) {
        this.store = store;
        this.processed = processed;
        this.liveState = liveState;
    }

    /**
     * A StatusNotification. {@code evseId} is null for OCPP 1.6, whose connector N is EVSE N
     * connector 1, and whose connector 0 is the charger as a whole.
     */
    @Transactional
    public void statusReported(
            String messageId, String chargePointId, Integer evseId, int connectorId, String status, Instant at) {
        if (!processed.firstTime(CONSUMER, messageId)) {
            return;
        }
        Optional<UUID> site = store.siteOf(chargePointId);
        if (site.isEmpty()) {
            LOG.debugf("status of unknown charger %s ignored", chargePointId);
            return;
        }
        String word = statusWord(status);
        boolean changed;
        if (evseId == null && connectorId == 0) {
            changed = store.chargerStatus(chargePointId, word, at);
        } else if (evseId == null) {
            changed = store.connectorStatus(chargePointId, connectorId, 1, word, at);
        } else {
            changed = store.connectorStatus(chargePointId, evseId, connectorId, word, at);
        }
        if (changed) {
            liveState.siteChanged(site.get());
        }
    }

    @Transactional
    public void connectivityChanged(String messageId, String chargePointId, boolean online, Instant at) {
        if (!processed.firstTime(CONSUMER, messageId)) {
            return;
        }
        store.siteOf(chargePointId).ifPresent(site -> {
            if (store.connectivity(chargePointId, online, at)) {
                liveState.siteChanged(site);
            }
        });
    }

    /**
     * A BootNotification connect answered by itself (from its read model of the registry): core
     * records the status, firmware and serial number the charger reported, if newer than the last.
     */
    @Transactional
    public void booted(
            String messageId,
            String chargePointId,
            String status,
            String firmwareVersion,
            String serialNumber,
            Instant at) {
        if (!processed.firstTime(CONSUMER, messageId)) {
            return;
        }
        store.siteOf(chargePointId).ifPresent(site -> {
            if (store.booted(chargePointId, status, firmwareVersion, serialNumber, at)) {
                liveState.siteChanged(site);
            }
        });
    }

    /** AVAILABLE -> Available: the words core stores for statuses. */
    static String statusWord(String status) {
        String lower = status.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
