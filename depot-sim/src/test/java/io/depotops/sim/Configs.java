package io.depotops.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.sim.adapter.out.schema.SchemaCheckedConfigs;
import io.depotops.sim.domain.config.SimulationConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Configs for tests: the shipped examples and small documents, read as the service reads them. */
public final class Configs {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaCheckedConfigs READER = new SchemaCheckedConfigs(JSON);

    private Configs() {}

    public static String exampleJson(String name) {
        try (InputStream in = Configs.class.getClassLoader().getResourceAsStream("examples/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SimulationConfig example(String name) {
        return READER.read(exampleJson(name));
    }

    public static SimulationConfig read(String json) {
        return READER.read(json);
    }

    /**
     * A small depot: {@code chargers} DC chargers of 150 kW under one node limited to {@code
     * limitKw}, {@code buses} buses of 300 kWh arriving 18:00-19:00 at 20-40 %, leaving 06:00.
     */
    public static ObjectNode smallDepot(int chargers, int buses, double limitKw) {
        try {
            return (ObjectNode) JSON.readTree("""
                {
                  "name": "small depot",
                  "timeZone": "UTC",
                  "start": "2026-12-01T17:00",
                  "duration": "PT24H",
                  "seed": 3,
                  "stepSeconds": 60,
                  "meterIntervalSeconds": 300,
                  "site": {"id": "grid", "limitKw": %s},
                  "chargers": [{"idPrefix": "CP-", "count": %d, "ocppVersion": "2.0.1", "current": "DC",
                                "maxPowerKw": 150, "siteNode": "grid"}],
                  "vehicles": [{"idPrefix": "BUS-", "count": %d, "batteryKwh": 300, "consumptionKwhPerKm": 1.2,
                                "maxDcKw": 150, "taper": {"aboveSocPercent": 80, "powerAtFullPercent": 20},
                                "targetSocPercent": 90,
                                "arrival": {"from": "18:00", "to": "19:00",
                                            "soc": {"meanPercent": 30, "stdDevPercent": 5, "minPercent": 20, "maxPercent": 40}},
                                "blocks": [{"departure": "06:00", "return": "15:00", "distanceKm": 150}]}]
                }
                """.formatted(limitKw, chargers, buses));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
