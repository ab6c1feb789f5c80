package io.depotops.sitepwrmon.application.meter;

import io.depotops.sitepwrmon.domain.meter.MeterProtocol;
import io.depotops.sitepwrmon.domain.meter.ModbusEndpoint;
import java.util.UUID;

/** A meter as a caller writes it; {@code modbus} only for {@code MODBUS_TCP}. */
public record MeterDraft(UUID nodeId, MeterProtocol protocol, ModbusEndpoint modbus, int silentAfterSeconds) {}
