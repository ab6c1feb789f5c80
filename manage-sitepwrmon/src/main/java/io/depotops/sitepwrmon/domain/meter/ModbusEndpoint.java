package io.depotops.sitepwrmon.domain.meter;

/** Where a Modbus TCP meter answers and which register map (by id) reads it. */
public record ModbusEndpoint(String host, int port, int unitId, String registerMap) {}
