package io.depotops.sitepwrmon.adapter.out.modbus;

import static io.depotops.sitepwrmon.MeterFixtures.meter;
import static io.depotops.sitepwrmon.PowerFixtures.admin;
import static io.depotops.sitepwrmon.PowerFixtures.create;
import static io.depotops.sitepwrmon.PowerFixtures.newId;
import static io.depotops.sitepwrmon.PowerFixtures.node;
import static io.depotops.sitepwrmon.PowerFixtures.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.ghgande.j2mod.modbus.procimg.SimpleInputRegister;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Modbus TCP meters polled by the service against a real j2mod slave in the test, with the two
 * register maps' layouts: an Eastron SDM630 (input registers, float) and a Carlo Gavazzi EM24
 * (holding registers, INT32 low word first); a dead and a garbled meter are marked faulty while
 * the others keep reporting.
 */
@QuarkusTest
class ModbusPollingTest {

    private final String workspace = newId();
    private final String site = newId();
    private ModbusSlave slave;

    @AfterEach
    void stopSlave() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** SDM630 on unit 1: registers 0..75 input, floats high word first. */
    private static SimpleProcessImage sdm630(float amps, float watts, float kwh) {
        SimpleProcessImage image = new SimpleProcessImage(1);
        int[] words = new int[76];
        for (int phase = 0; phase < 3; phase++) {
            putFloat(words, 6 + phase * 2, amps + phase);
            putFloat(words, 12 + phase * 2, watts + phase * 100);
        }
        putFloat(words, 72, kwh);
        for (int word : words) {
            image.addInputRegister(new SimpleInputRegister(word));
        }
        return image;
    }

    /** EM24 on unit 2: holding registers 0..63, INT32 low word first, scaled as the map says. */
    private static SimpleProcessImage em24(int milliAmps, int deciWatts, int deciKwh) {
        SimpleProcessImage image = new SimpleProcessImage(2);
        int[] words = new int[64];
        for (int phase = 0; phase < 3; phase++) {
            putInt(words, 12 + phase * 2, milliAmps);
            putInt(words, 18 + phase * 2, deciWatts);
        }
        putInt(words, 62, deciKwh);
        for (int word : words) {
            image.addRegister(new SimpleRegister(word));
        }
        return image;
    }

    private static void putFloat(int[] words, int address, float value) {
        int bits = Float.floatToIntBits(value);
        words[address] = (bits >>> 16) & 0xFFFF;
        words[address + 1] = bits & 0xFFFF;
    }

    private static void putInt(int[] words, int address, int value) {
        words[address] = value & 0xFFFF;
        words[address + 1] = (value >>> 16) & 0xFFFF;
    }

    private String meteredNode(String parent, String name, String meterId, Map<String, Object> modbus) {
        String id = create(workspace, node(site, parent, "CIRCUIT", name));
        meter(workspace, meterId, id, Map.of("protocol", "MODBUS_TCP", "modbus", modbus));
        return id;
    }

    private JsonPath load(String nodeId) {
        return admin(workspace)
                .get("/api/v1/workspaces/{ws}/nodes/{id}/load", workspace, nodeId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private JsonPath meterStatus(String meterId) {
        return admin(workspace)
                .get("/api/v1/workspaces/{ws}/meters/{id}", workspace, meterId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void bothMeterModelsArePolledAndADeadOrGarbledMeterIsFaultyWhileTheOthersReport() throws Exception {
        int port = freePort();
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 4, false);
        slave.addProcessImage(1, sdm630(10.5f, 2300f, 1234.5f));
        slave.addProcessImage(2, em24(16_250, 37_375, 98_765));
        // A unit answering like an SDM630 but with a NaN current (a meter in a bad state).
        SimpleProcessImage garbled = sdm630(Float.NaN, 100f, 1f);
        slave.addProcessImage(3, garbled);
        slave.open();

        String grid = root(workspace, site, 1000.0, null);
        String sdm = meteredNode(
                grid,
                "sdm",
                "sdm-" + newId().substring(0, 6),
                Map.of("host", "127.0.0.1", "port", port, "unitId", 1, "registerMap", "eastron-sdm630"));
        String emMeter = "em24-" + newId().substring(0, 6);
        String em = meteredNode(
                grid,
                "em24",
                emMeter,
                Map.of("host", "127.0.0.1", "port", port, "unitId", 2, "registerMap", "carlo-gavazzi-em24"));
        String deadMeter = "dead-" + newId().substring(0, 6);
        meteredNode(
                grid,
                "dead",
                deadMeter,
                Map.of("host", "127.0.0.1", "port", freePort(), "unitId", 1, "registerMap", "eastron-sdm630"));
        String garbledMeter = "garbled-" + newId().substring(0, 6);
        meteredNode(
                grid,
                "garbled",
                garbledMeter,
                Map.of("host", "127.0.0.1", "port", port, "unitId", 3, "registerMap", "eastron-sdm630"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> load(sdm).get("time") != null && load(em).get("time") != null);
        JsonPath sdmLoad = load(sdm);
        assertThat(sdmLoad.getDouble("currentA.l1")).isEqualTo(10.5);
        assertThat(sdmLoad.getDouble("currentA.l3")).isEqualTo(12.5);
        assertThat(sdmLoad.getDouble("powerW.l2")).isEqualTo(2400.0);
        assertThat(sdmLoad.getDouble("energyWh")).isEqualTo(1_234_500.0);
        JsonPath emLoad = load(em);
        assertThat(emLoad.getDouble("currentA.l2")).isEqualTo(16.25);
        assertThat(emLoad.getDouble("powerW.l1")).isEqualTo(3737.5);
        assertThat(emLoad.getDouble("energyWh")).isEqualTo(9_876_500.0);
        assertThat(meterStatus(emMeter).getString("fault")).isNull();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> meterStatus(deadMeter).getString("fault") != null
                        && meterStatus(garbledMeter).getString("fault") != null);
        assertThat(meterStatus(deadMeter).getString("fault")).startsWith("unreachable");
        assertThat(meterStatus(garbledMeter).getString("fault")).contains("not a number");
        // The healthy meters kept reporting after the faults were found.
        String before = load(sdm).getString("time");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !load(sdm).getString("time").equals(before));
    }
}
