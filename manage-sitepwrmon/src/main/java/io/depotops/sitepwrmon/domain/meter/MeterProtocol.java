package io.depotops.sitepwrmon.domain.meter;

/** How a meter's readings arrive: uploaded through the API, published by an MQTT gateway, polled over Modbus TCP. */
public enum MeterProtocol {
    REST,
    MQTT,
    MODBUS_TCP
}
