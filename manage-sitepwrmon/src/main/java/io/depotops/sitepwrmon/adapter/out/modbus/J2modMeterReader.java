package io.depotops.sitepwrmon.adapter.out.modbus;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import io.depotops.sitepwrmon.application.port.MeterReader;
import io.depotops.sitepwrmon.domain.meter.ModbusEndpoint;
import io.depotops.sitepwrmon.domain.meter.RegisterMap;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads a meter with j2mod's Modbus TCP master: one connection per read, one request for the map's
 * whole register span, bounded by a timeout so that a dead meter costs one timeout per round.
 */
@ApplicationScoped
class J2modMeterReader implements MeterReader {

    private final int timeoutMillis;

    J2modMeterReader(
            @ConfigProperty(name = "depotops.sitepwrmon.modbus.timeout", defaultValue = "PT0.8S") Duration timeout) {
        this.timeoutMillis = (int) timeout.toMillis();
    }

    @Override
    public int[] read(ModbusEndpoint endpoint, RegisterMap map) {
        ModbusTCPMaster master = new ModbusTCPMaster(endpoint.host(), endpoint.port(), timeoutMillis, false);
        try {
            master.connect();
            InputRegister[] registers = map.table() == RegisterMap.Table.INPUT
                    ? master.readInputRegisters(endpoint.unitId(), map.firstAddress(), map.count())
                    : master.readMultipleRegisters(endpoint.unitId(), map.firstAddress(), map.count());
            int[] words = new int[registers.length];
            for (int i = 0; i < registers.length; i++) {
                words[i] = registers[i].getValue() & 0xFFFF;
            }
            return words;
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new MeterUnreachableException(
                    endpoint.host() + ":" + endpoint.port() + " unit " + endpoint.unitId() + ": " + reason, e);
        } finally {
            master.disconnect();
        }
    }
}
