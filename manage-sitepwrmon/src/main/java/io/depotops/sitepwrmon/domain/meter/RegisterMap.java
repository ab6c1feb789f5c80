package io.depotops.sitepwrmon.domain.meter;

import io.depotops.sitepwrmon.domain.PhaseValues;
import java.util.Map;

/**
 * How to read one meter model over Modbus: which register table ({@code INPUT} or {@code
 * HOLDING}), how 32-bit values are laid out (IEEE 754 float or signed integer, high or low word
 * first) and, per quantity, the register address and the factor to the canonical unit. Maps are
 * data (the service's register-map file), one per meter model.
 */
public record RegisterMap(
        String id,
        String name,
        String source,
        Table table,
        NumberFormat format,
        boolean lowWordFirst,
        Map<Quantity, Register> registers) {

    public enum Table {
        INPUT,
        HOLDING
    }

    public enum NumberFormat {
        FLOAT32,
        INT32
    }

    /** A 32-bit value at {@code address} (two registers), times {@code scale} in canonical units. */
    public record Register(int address, double scale) {}

    public RegisterMap {
        registers = Map.copyOf(registers);
    }

    /** The first register to read so that one request covers every quantity. */
    public int firstAddress() {
        return registers.values().stream().mapToInt(Register::address).min().orElse(0);
    }

    /** How many registers one request reads (from {@link #firstAddress()}). */
    public int count() {
        return registers.values().stream().mapToInt(Register::address).max().orElse(0) + 2 - firstAddress();
    }

    /** Decodes a read of {@link #count()} registers from {@link #firstAddress()}. */
    public Values decode(int[] words) {
        if (words.length < count()) {
            throw new GarbageException("answered " + words.length + " registers, expected " + count());
        }
        return new Values(
                new PhaseValues(
                        value(words, Quantity.POWER_W_L1),
                        value(words, Quantity.POWER_W_L2),
                        value(words, Quantity.POWER_W_L3)),
                new PhaseValues(
                        value(words, Quantity.CURRENT_A_L1),
                        value(words, Quantity.CURRENT_A_L2),
                        value(words, Quantity.CURRENT_A_L3)),
                value(words, Quantity.ENERGY_IMPORT_WH));
    }

    /** What one read of the meter gave, in canonical units. */
    public record Values(PhaseValues powerW, PhaseValues currentA, Double energyWh) {}

    /** The meter answered, but not with numbers a meter can mean. */
    public static class GarbageException extends RuntimeException {
        public GarbageException(String message) {
            super(message, null, false, false);
        }
    }

    private Double value(int[] words, Quantity quantity) {
        Register register = registers.get(quantity);
        if (register == null) {
            return null;
        }
        int offset = register.address() - firstAddress();
        int high = words[lowWordFirst ? offset + 1 : offset] & 0xFFFF;
        int low = words[lowWordFirst ? offset : offset + 1] & 0xFFFF;
        int bits = (high << 16) | low;
        double raw = format == NumberFormat.FLOAT32 ? Float.intBitsToFloat(bits) : bits;
        if (Double.isNaN(raw) || Double.isInfinite(raw)) {
            throw new GarbageException(quantity + " at register " + register.address() + " is not a number");
        }
        double value = raw * register.scale();
        if (quantity.name().startsWith("CURRENT") && (value < 0 || value > 100_000)
                || quantity == Quantity.ENERGY_IMPORT_WH && value < 0) {
            throw new GarbageException(quantity + " at register " + register.address() + " reads " + value);
        }
        return value;
    }
}
