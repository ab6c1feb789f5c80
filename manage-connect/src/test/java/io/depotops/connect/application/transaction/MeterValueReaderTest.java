package io.depotops.connect.application.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.domain.MeterSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterValueReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void groupsByTimestampAndSumsPhasesWhenNoTotalIsSent() throws Exception {
        List<MeterSample> samples = MeterValueReader.read(json("""
                        [{"timestamp":"2025-01-01T10:00:00Z","sampledValue":[
                           {"value":"1.0","measurand":"Power.Active.Import","phase":"L1","unit":"kW"},
                           {"value":"2.0","measurand":"Power.Active.Import","phase":"L2","unit":"kW"}]},
                         {"timestamp":"2025-01-01T10:00:00Z","sampledValue":[
                           {"value":"5","measurand":"Energy.Active.Import.Register","phase":"L1"},
                           {"value":"6","measurand":"Energy.Active.Import.Register","phase":"L2"}]}]"""), 1, 1, 7L, null);
        assertThat(samples).singleElement().satisfies(sample -> {
            assertThat(sample.powerW()).isEqualTo(3000.0);
            assertThat(sample.energyWh()).isEqualTo(11L);
            assertThat(sample.transactionId()).isEqualTo(7L);
        });
    }

    @Test
    void inletValuesOnlyWhenNothingElseAndSignedOrUnknownUnitsSkipped() throws Exception {
        List<MeterSample> samples = MeterValueReader.read(json("""
                        [{"timestamp":"2025-01-01T10:00:00Z","sampledValue":[
                           {"value":"9.0","location":"Inlet","unit":"kWh"},
                           {"value":"abc","format":"SignedData"},
                           {"value":"3","measurand":"Power.Active.Import","unit":"kvar"},
                           {"value":"0.23","measurand":"Voltage","unitOfMeasure":{"unit":"V","multiplier":3}}]}]"""), 0, 0, null, null);
        MeterSample sample = samples.get(0);
        assertThat(sample.energyWh()).isEqualTo(9000L);
        assertThat(sample.powerW()).isNull();
        assertThat(sample.voltageV()).isCloseTo(230.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void lastEnergyPrefersTheContextAsked() throws Exception {
        JsonNode values = json("""
                [{"timestamp":"2025-01-01T10:00:00Z","sampledValue":[{"value":100,"context":"Transaction.Begin"}]},
                 {"timestamp":"2025-01-01T10:05:00Z","sampledValue":[{"value":150,"context":"Sample.Periodic"}]}]""");
        assertThat(MeterValueReader.lastEnergyWh(values, "Transaction.Begin")).isEqualTo(100L);
        assertThat(MeterValueReader.lastEnergyWh(values, "Transaction.End")).isEqualTo(150L);
        assertThat(MeterValueReader.lastEnergyWh(null, "Transaction.End")).isNull();
    }
}
