package io.depotops.sitepwrmon.domain.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.depotops.sitepwrmon.domain.meter.RegisterMap.NumberFormat;
import io.depotops.sitepwrmon.domain.meter.RegisterMap.Register;
import io.depotops.sitepwrmon.domain.meter.RegisterMap.Table;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegisterMapTest {

    @Test
    void int32LowWordFirstIsScaledAndNegativeCurrentsAreGarbage() {
        RegisterMap map = new RegisterMap(
                "m",
                "m",
                "test",
                Table.HOLDING,
                NumberFormat.INT32,
                true,
                Map.of(Quantity.POWER_W_L1, new Register(10, 0.1), Quantity.CURRENT_A_L1, new Register(12, 0.001)));
        assertThat(map.firstAddress()).isEqualTo(10);
        assertThat(map.count()).isEqualTo(4);
        // 100,000 = 0x000186A0 -> low word 0x86A0 first; 16,250 = 0x00003F7A.
        RegisterMap.Values values = map.decode(new int[] {0x86A0, 0x0001, 0x3F7A, 0x0000});
        assertThat(values.powerW().l1()).isEqualTo(10_000.0);
        assertThat(values.currentA().l1()).isEqualTo(16.25);
        assertThat(values.powerW().l2()).isNull();
        assertThatThrownBy(() -> map.decode(new int[] {0, 0, 0xFFFF, 0xFFFF}))
                .isInstanceOf(RegisterMap.GarbageException.class);
        assertThatThrownBy(() -> map.decode(new int[] {0, 0})).isInstanceOf(RegisterMap.GarbageException.class);
    }
}
