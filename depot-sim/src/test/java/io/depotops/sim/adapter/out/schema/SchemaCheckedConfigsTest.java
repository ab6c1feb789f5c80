package io.depotops.sim.adapter.out.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.sim.Configs;
import io.depotops.sim.application.InvalidInputException;
import io.depotops.sim.application.InvalidInputException.FieldProblem;
import io.depotops.sim.domain.config.SimulationConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCheckedConfigsTest {

    private final SchemaCheckedConfigs configs = new SchemaCheckedConfigs(Configs.JSON);

    @Test
    void theThreeExamplesAreValid() {
        SimulationConfig buses = configs.read(Configs.exampleJson("bus-depot-40"));
        assertThat(buses.chargerSpecs())
                .hasSize(40)
                .first()
                .extracting(SimulationConfig.ChargerSpec::id)
                .isEqualTo("BUS-CP-01");
        assertThat(buses.vehicleSpecs()).hasSize(40);
        assertThat(configs.read(Configs.exampleJson("van-depot-200")).vehicleSpecs())
                .hasSize(200);
        SimulationConfig mixed = configs.read(Configs.exampleJson("mixed-depot"));
        assertThat(mixed.site().children())
                .allSatisfy(hall -> assertThat(hall.children()).hasSize(2));
        assertThat(mixed.vehicles().getFirst().blocks().getFirst().returns()).isEqualTo("18:30");
    }

    @Test
    void everySchemaViolationIsNamedByItsPointer() {
        ObjectNode doc = Configs.smallDepot(2, 2, 500);
        doc.remove("name");
        doc.put("duration", "two hours");
        doc.put("surprise", true);
        ((ObjectNode) doc.withArray("chargers").get(0)).put("ocppVersion", "1.5");
        ((ObjectNode) doc.withArray("vehicles").get(0)).put("batteryKwh", -5);

        assertThat(fields(doc.toString()))
                .contains("/name", "/duration", "/surprise", "/chargers/0/ocppVersion", "/vehicles/0/batteryKwh");
    }

    @Test
    void referencesAndIdsAreCheckedBeyondTheSchema() {
        ObjectNode doc = Configs.smallDepot(2, 2, 500);
        doc.put("timeZone", "Mars/Olympus");
        doc.put("start", "2026-13-01T17:00");
        ((ObjectNode) doc.withArray("chargers").get(0)).put("siteNode", "hall-9");
        doc.withArray("chargers").add(doc.withArray("chargers").get(0).deepCopy());
        doc.withArray("faults")
                .addObject()
                .put("at", "PT1H")
                .put("charger", "CP-77")
                .put("kind", "fault");
        ObjectNode soc =
                (ObjectNode) doc.withArray("vehicles").get(0).get("arrival").get("soc");
        soc.put("minPercent", 50).put("maxPercent", 10);

        assertThat(fields(doc.toString()))
                .containsExactlyInAnyOrder(
                        "/timeZone",
                        "/start",
                        "/chargers/0/siteNode",
                        "/chargers/1/siteNode",
                        "/chargers/1/idPrefix",
                        "/vehicles/0/arrival/soc/minPercent",
                        "/faults/0/charger");
    }

    @Test
    void zeroNegativeAndOutOfRunDurationsAreRefusedByPointer() {
        ObjectNode zeroRun = Configs.smallDepot(2, 2, 500);
        zeroRun.put("duration", "PT0S");
        assertThat(fields(zeroRun.toString())).containsExactly("/duration");

        ObjectNode negativeRun = Configs.smallDepot(2, 2, 500);
        negativeRun.put("duration", "-PT2H");
        assertThat(fields(negativeRun.toString())).contains("/duration");

        ObjectNode faults = Configs.smallDepot(2, 2, 500);
        String charger = faults.withArray("chargers").get(0).get("idPrefix").asText() + "01";
        faults.withArray("faults")
                .addObject()
                .put("at", "PT1H")
                .put("charger", charger)
                .put("kind", "fault")
                .put("duration", "PT0M");
        faults.withArray("faults")
                .addObject()
                .put("at", "P30D")
                .put("charger", charger)
                .put("kind", "fault")
                .put("duration", "PT1H");
        assertThat(fields(faults.toString())).containsExactlyInAnyOrder("/faults/0/duration", "/faults/1/at");

        ObjectNode negativeFault = Configs.smallDepot(2, 2, 500);
        negativeFault
                .withArray("faults")
                .addObject()
                .put("at", "PT1H")
                .put("charger", charger)
                .put("kind", "fault")
                .put("duration", "-PT1H");
        assertThat(fields(negativeFault.toString())).containsExactly("/faults/0/duration");
    }

    @Test
    void somethingThatIsNotAConfigIsRefusedWithoutAnError() {
        assertThat(fields("[1, 2]")).containsExactly("/");
        assertThat(fields("{\"name\":")).isNotEmpty();
    }

    private List<String> fields(String json) {
        InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> configs.read(json));
        assertThat(refused).as("refused").isNotNull();
        return refused.problems().stream().map(FieldProblem::field).toList();
    }
}
