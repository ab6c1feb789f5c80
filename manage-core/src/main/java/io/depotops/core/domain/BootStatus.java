package io.depotops.core.domain;

/** Registration status a charger gets on BootNotification (the same words in OCPP 1.6 and 2.0.1). */
public enum BootStatus {
    Accepted,
    Pending,
    Rejected
}
