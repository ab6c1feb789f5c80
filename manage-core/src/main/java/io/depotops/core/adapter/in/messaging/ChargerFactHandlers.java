package io.depotops.core.adapter.in.messaging;

import io.depotops.contracts.events.connect.ChargerBootV1;
import io.depotops.contracts.events.connect.ChargerConnectedV1;
import io.depotops.contracts.events.connect.ChargerDisconnectedV1;
import io.depotops.contracts.events.connect.ChargerStatusChangedV1;
import io.depotops.contracts.events.connect.MeterValuesV1;
import io.depotops.contracts.events.connect.TransactionEventV1;
import io.depotops.core.application.ChargerFactsService;
import io.depotops.core.application.ChargerFactsService.BootFact;
import io.depotops.core.application.ChargerFactsService.ConnectivityFact;
import io.depotops.core.application.ChargerFactsService.StatusFact;
import io.depotops.core.application.TransactionService;
import io.depotops.core.application.TransactionService.MeterReading;
import io.depotops.core.application.TransactionService.TransactionFact;
import io.depotops.platform.messaging.UnprocessableEventException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One handler per charger fact connect publishes (see {@link ChargerFactsConsumer}). */
final class ChargerFactHandlers {

    /** connect's reason for a session that a new connection of the same charger replaced. */
    static final String REPLACED = "replaced";

    private ChargerFactHandlers() {}

    /** A connectivity fact without its time cannot be ordered: parked at once, never retried. */
    static Instant stated(Instant at, String field) {
        if (at == null) {
            throw new UnprocessableEventException("connectivity fact without " + field);
        }
        return at;
    }

    /** StatusNotifications: one set-based update per batch. */
    @ApplicationScoped
    static class Statuses implements ChargerFactHandler<ChargerStatusChangedV1> {

        private final ChargerFactsService facts;

        Statuses(ChargerFactsService facts) {
            this.facts = facts;
        }

        @Override
        public Class<ChargerStatusChangedV1> dataType() {
            return ChargerStatusChangedV1.class;
        }

        @Override
        public void applyAll(List<Fact<ChargerStatusChangedV1>> batch) {
            facts.statusesReported(batch.stream()
                    .map(fact -> {
                        ChargerStatusChangedV1 status = fact.data();
                        return new StatusFact(
                                fact.messageId(),
                                status.chargePointId(),
                                status.evseId(),
                                status.connectorId(),
                                status.status(),
                                status.timestamp() != null ? status.timestamp() : fact.eventTime());
                    })
                    .toList());
        }
    }

    /** BootNotifications connect answered: one set-based update per batch. */
    @ApplicationScoped
    static class Boots implements ChargerFactHandler<ChargerBootV1> {

        private final ChargerFactsService facts;

        Boots(ChargerFactsService facts) {
            this.facts = facts;
        }

        @Override
        public Class<ChargerBootV1> dataType() {
            return ChargerBootV1.class;
        }

        @Override
        public void applyAll(List<Fact<ChargerBootV1>> batch) {
            facts.booted(batch.stream()
                    .map(fact -> {
                        ChargerBootV1 boot = fact.data();
                        return new BootFact(
                                fact.messageId(),
                                boot.chargePointId(),
                                boot.status(),
                                boot.firmwareVersion(),
                                boot.serialNumber(),
                                boot.bootedAt() != null ? boot.bootedAt() : fact.eventTime());
                    })
                    .toList());
        }
    }

    @ApplicationScoped
    static class Connections implements ChargerFactHandler<ChargerConnectedV1> {

        private final ChargerFactsService facts;

        Connections(ChargerFactsService facts) {
            this.facts = facts;
        }

        @Override
        public Class<ChargerConnectedV1> dataType() {
            return ChargerConnectedV1.class;
        }

        @Override
        public void applyAll(List<Fact<ChargerConnectedV1>> batch) {
            facts.connectivityChanged(batch.stream()
                    .map(fact -> new ConnectivityFact(
                            fact.messageId(),
                            fact.data().chargePointId(),
                            true,
                            stated(fact.data().connectedAt(), "connectedAt")))
                    .toList());
        }
    }

    @ApplicationScoped
    static class Disconnections implements ChargerFactHandler<ChargerDisconnectedV1> {

        private final ChargerFactsService facts;

        Disconnections(ChargerFactsService facts) {
            this.facts = facts;
        }

        @Override
        public Class<ChargerDisconnectedV1> dataType() {
            return ChargerDisconnectedV1.class;
        }

        @Override
        public void applyAll(List<Fact<ChargerDisconnectedV1>> batch) {
            // A replaced session ends after its successor connected: the charger is online.
            facts.connectivityChanged(batch.stream()
                    .filter(fact -> !REPLACED.equals(fact.data().reason()))
                    .map(fact -> new ConnectivityFact(
                            fact.messageId(),
                            fact.data().chargePointId(),
                            false,
                            stated(fact.data().disconnectedAt(), "disconnectedAt")))
                    .toList());
        }
    }

    /** Transaction events change one aggregate each: applied one after the other, in queue order. */
    @ApplicationScoped
    static class Transactions implements ChargerFactHandler<TransactionEventV1> {

        private final TransactionService transactions;

        Transactions(TransactionService transactions) {
            this.transactions = transactions;
        }

        @Override
        public Class<TransactionEventV1> dataType() {
            return TransactionEventV1.class;
        }

        @Override
        public void applyAll(List<Fact<TransactionEventV1>> batch) {
            for (Fact<TransactionEventV1> fact : batch) {
                transactions.apply(fact.messageId(), toFact(fact.data(), fact.eventTime()));
            }
        }

        /** OCPP 1.6 has no EVSE: its connector N is EVSE N, connector 1 (as core registers it). */
        private static TransactionFact toFact(TransactionEventV1 fact, Instant fallback) {
            boolean evseLess = fact.evseId() == null;
            return new TransactionFact(
                    fact.chargePointId(),
                    TransactionService.Stage.valueOf(fact.eventType().toUpperCase(Locale.ROOT)),
                    fact.transactionId(),
                    fact.chargerTransactionId(),
                    evseLess ? Math.max(1, fact.connectorId()) : fact.evseId(),
                    evseLess ? 1 : Math.max(1, fact.connectorId()),
                    fact.idToken(),
                    energyRegister(fact.meterWh()),
                    fact.timestamp() != null ? fact.timestamp() : fallback,
                    fact.stopReason());
        }
    }

    /**
     * An energy register is never negative: a charger that reports one (a broken meter, issue 13's
     * {@code meterStart: -5}) gives no reading, and its transaction is still recorded (from 0)
     * instead of being refused by the database again at every redelivery.
     */
    static Long energyRegister(Long wh) {
        return wh != null && wh < 0 ? null : wh;
    }

    /**
     * Power drawn is never negative nor infinite here: a charger that reports such a value (or one
     * that feeds back, which depots do not do) gives no power reading, and the chart derives the
     * power from its energy register instead.
     */
    static Double power(Double watts) {
        return watts != null && Double.isFinite(watts) && watts >= 0 ? watts : null;
    }

    @ApplicationScoped
    static class MeterReadings implements ChargerFactHandler<MeterValuesV1> {

        private final TransactionService transactions;

        MeterReadings(TransactionService transactions) {
            this.transactions = transactions;
        }

        @Override
        public Class<MeterValuesV1> dataType() {
            return MeterValuesV1.class;
        }

        /** A batch's readings in one unit of work: one inbox statement, one sample write (ADR 0007). */
        @Override
        public void applyAll(List<Fact<MeterValuesV1>> batch) {
            List<MeterReading> readings = new ArrayList<>(batch.size());
            for (Fact<MeterValuesV1> fact : batch) {
                MeterValuesV1 meter = fact.data();
                Long wh = energyRegister(meter.energyWh());
                Double powerW = power(meter.powerW());
                if ((wh != null || powerW != null)
                        && (meter.transactionId() != null || meter.chargerTransactionId() != null)) {
                    readings.add(new MeterReading(
                            fact.messageId(),
                            meter.chargePointId(),
                            meter.transactionId(),
                            meter.chargerTransactionId(),
                            wh,
                            powerW,
                            meter.timestamp() != null ? meter.timestamp() : fact.eventTime()));
                }
            }
            if (!readings.isEmpty()) {
                transactions.meteredAll(readings);
            }
        }
    }
}
