package io.depotops.sitepwrmon.application.port;

import io.depotops.sitepwrmon.domain.meter.ModbusEndpoint;
import io.depotops.sitepwrmon.domain.meter.RegisterMap;

/** Reads a Modbus TCP meter's registers. */
public interface MeterReader {

    /**
     * The {@link RegisterMap#count()} registers from {@link RegisterMap#firstAddress()}.
     *
     * @throws MeterUnreachableException when the meter cannot be reached or refuses the read
     */
    int[] read(ModbusEndpoint endpoint, RegisterMap map);

    class MeterUnreachableException extends RuntimeException {
        public MeterUnreachableException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
