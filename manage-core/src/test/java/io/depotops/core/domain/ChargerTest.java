package io.depotops.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChargerTest {

    private static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

    private static Charger charger(int securityProfile, List<Connector> connectors) {
        return new Charger(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "CP-1",
                "depotops",
                "sim-1",
                OcppVersion.V1_6,
                securityProfile,
                "hash",
                BigDecimal.valueOf(150),
                "Available",
                null,
                null,
                null,
                null,
                connectors,
                CREATED,
                3);
    }

    private static Connector connector(int evse) {
        return new Connector(evse, 1, ConnectorType.values()[0], BigDecimal.valueOf(150), null, null);
    }

    @Test
    void onlySecurityProfilesOneAndTwoAreAccepted() {
        assertThat(charger(1, List.of()).securityProfile()).isEqualTo(1);
        assertThat(charger(2, List.of()).securityProfile()).isEqualTo(2);
        assertThatThrownBy(() -> charger(0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> charger(3, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void connectorsAreNumberedFromOne() {
        assertThatThrownBy(() -> new Connector(0, 1, ConnectorType.values()[0], null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Connector(1, 0, ConnectorType.values()[0], null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itsConnectorsCannotBeChangedBehindItsBack() {
        List<Connector> connectors = new ArrayList<>(List.of(connector(1)));
        Charger charger = charger(1, connectors);

        connectors.add(connector(2));

        assertThat(charger.connectors()).hasSize(1);
        assertThatThrownBy(() -> charger.connectors().add(connector(3)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBootRecordsItsStatusFirmwareAndSerialAndKeepsTheRest() {
        Charger charger = charger(2, List.of(connector(1)));
        Instant at = Instant.parse("2026-11-23T08:00:00Z");

        Charger booted = charger.booted(BootStatus.Accepted, at, "7.1", "SN-1");

        assertThat(booted.bootStatus()).isEqualTo(BootStatus.Accepted);
        assertThat(booted.lastBootAt()).isEqualTo(at);
        assertThat(booted.firmwareVersion()).isEqualTo("7.1");
        assertThat(booted.serialNumber()).isEqualTo("SN-1");
        assertThat(booted.status()).isEqualTo(charger.status());
        assertThat(booted.version()).isEqualTo(charger.version());
        assertThat(booted.connectors()).isEqualTo(charger.connectors());
    }
}
