package io.depotops.core.domain;

import java.util.Arrays;

/** The OCPP versions a charger may speak to depotops. */
public enum OcppVersion {
    V1_6("1.6"),
    V2_0_1("2.0.1");

    private final String label;

    OcppVersion(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static OcppVersion fromLabel(String label) {
        return Arrays.stream(values())
                .filter(v -> v.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown OCPP version " + label));
    }
}
