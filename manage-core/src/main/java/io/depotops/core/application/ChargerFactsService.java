package io.depotops.core.application;

import io.depotops.core.application.port.ChargerFactsStore;
import io.depotops.core.application.port.ProcessedMessages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Applies what manage-connect observed at chargers (boot, status, connectivity) to core's records
 * and live state, a batch of facts of one kind at a time: one inbox statement for the batch's
 * message ids and one set-based update per kind. Each fact is applied once (by message id) and
 * only if newer than what is stored, so redelivered and late facts are harmless; within a batch the
 * newest fact of a charger or connector wins (of equal times, the later in the queue).
 */
@ApplicationScoped
public class ChargerFactsService {

    static final String CONSUMER = "core.charger-facts";

    /**
     * A StatusNotification. {@code evseId} is null for OCPP 1.6, whose connector N is EVSE N
     * connector 1, and whose connector 0 is the charger as a whole.
     */
    public record StatusFact(
            String messageId, String chargePointId, Integer evseId, int connectorId, String status, Instant at) {}

    /** A BootNotification connect answered by itself (from its read model of the registry). */
    public record BootFact(
            String messageId,
            String chargePointId,
            String status,
            String firmwareVersion,
            String serialNumber,
            Instant at) {}

    public record ConnectivityFact(String messageId, String chargePointId, boolean online, Instant at) {}

    private final ChargerFactsStore store;
    private final ProcessedMessages processed;
    private final LiveStateService liveState;

    ChargerFactsService(ChargerFactsStore store, ProcessedMessages processed, LiveStateService liveState) {
        this.store = store;
        this.processed = processed;
        this.liveState = liveState;
    }

    @Transactional
    public void statusesReported(List<StatusFact> facts) {
        List<StatusFact> fresh = firstTime(facts, StatusFact::messageId);
        List<ChargerFactsStore.ConnectorStatus> connectors = new ArrayList<>();
        List<ChargerFactsStore.ChargerStatus> chargers = new ArrayList<>();
        for (StatusFact fact : fresh) {
            String word = statusWord(fact.status());
            if (fact.evseId() == null && fact.connectorId() == 0) {
                chargers.add(new ChargerFactsStore.ChargerStatus(fact.chargePointId(), word, fact.at()));
            } else if (fact.evseId() == null) {
                connectors.add(new ChargerFactsStore.ConnectorStatus(
                        fact.chargePointId(), fact.connectorId(), 1, word, fact.at()));
            } else {
                connectors.add(new ChargerFactsStore.ConnectorStatus(
                        fact.chargePointId(), fact.evseId(), fact.connectorId(), word, fact.at()));
            }
        }
        Set<UUID> changed = new HashSet<>(store.connectorStatuses(connectors));
        changed.addAll(store.chargerStatuses(chargers));
        liveState.depotsChanged(changed);
    }

    @Transactional
    public void connectivityChanged(List<ConnectivityFact> facts) {
        liveState.depotsChanged(store.connectivity(firstTime(facts, ConnectivityFact::messageId).stream()
                .map(fact -> new ChargerFactsStore.Connectivity(fact.chargePointId(), fact.online(), fact.at()))
                .toList()));
    }

    /** Records the status, firmware and serial number each charger reported, if newer than the last. */
    @Transactional
    public void booted(List<BootFact> facts) {
        liveState.depotsChanged(store.booted(firstTime(facts, BootFact::messageId).stream()
                .map(fact -> new ChargerFactsStore.Boot(
                        fact.chargePointId(), fact.status(), fact.firmwareVersion(), fact.serialNumber(), fact.at()))
                .toList()));
    }

    /** The facts whose message ids were never applied, each once (a batch may carry one twice). */
    private <T> List<T> firstTime(List<T> facts, Function<T, String> messageId) {
        if (facts.isEmpty()) {
            return facts;
        }
        Set<String> unseen = new HashSet<>(processed.firstTimeAll(
                CONSUMER, facts.stream().map(messageId).distinct().toList()));
        List<T> fresh = new ArrayList<>(unseen.size());
        for (T fact : facts) {
            if (unseen.remove(messageId.apply(fact))) {
                fresh.add(fact);
            }
        }
        return fresh;
    }

    /** AVAILABLE -> Available: the words core stores for statuses. */
    static String statusWord(String status) {
        String lower = status.toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
