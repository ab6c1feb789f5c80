package io.depotops.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OcppVersionTest {

    @Test
    void eachVersionIsFoundByItsLabel() {
        for (OcppVersion version : OcppVersion.values()) {
            assertThat(OcppVersion.fromLabel(version.label())).isEqualTo(version);
        }
        assertThat(OcppVersion.fromLabel("2.0.1")).isEqualTo(OcppVersion.V2_0_1);
    }

    @Test
    void anUnknownLabelIsRefused() {
        assertThatThrownBy(() -> OcppVersion.fromLabel("2.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OcppVersion.fromLabel("ocpp1.6")).isInstanceOf(IllegalArgumentException.class);
    }
}
