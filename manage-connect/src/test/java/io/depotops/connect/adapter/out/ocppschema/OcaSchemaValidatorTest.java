package io.depotops.connect.adapter.out.ocppschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.depotops.connect.domain.OcppActions;
import io.depotops.connect.domain.OcppVersion;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The actions of each version are the ones its schema files name, in tests and in the jar. */
class OcaSchemaValidatorTest {

    private static final OcaSchemaValidator SCHEMAS = new OcaSchemaValidator();
    private static final Path SOURCES = Path.of("src/main/resources/ocpp/schemas");

    @Test
    void everySchemaFileHasItsActionKnown() throws Exception {
        assertEveryFileKnown(OcppVersion.V16, "ocpp1.6", ".json");
        assertEveryFileKnown(OcppVersion.V201, "ocpp2.0.1", "Request.json");
    }

    private static void assertEveryFileKnown(OcppVersion version, String folder, String requestSuffix)
            throws Exception {
        List<String> files;
        try (Stream<Path> listed = Files.list(SOURCES.resolve(folder))) {
            files = listed.map(file -> file.getFileName().toString()).toList();
        }
        for (String file : files) {
            String action = file.endsWith("Response.json")
                    ? file.substring(0, file.length() - "Response.json".length())
                    : file.substring(0, file.length() - requestSuffix.length());
            assertThat(SCHEMAS.actions(version)).as(folder + "/" + file).contains(action);
        }
        assertThat(SCHEMAS.actions(version)).hasSize(files.size() / 2);
    }

    @Test
    void chargersInitiateTheMessagesOfTheSpecifications() {
        // OCPP 1.6: the 10 of the Core, Firmware and Diagnostics profiles and the 4 of the security
        // whitepaper; OCPP 2.0.1: the 25 a charging station sends.
        assertThat(SCHEMAS.actions(OcppVersion.V16).stream().filter(OcppActions::sentByChargers))
                .hasSize(14)
                .contains("StartTransaction", "SignedFirmwareStatusNotification")
                .doesNotContain("TransactionEvent");
        assertThat(SCHEMAS.actions(OcppVersion.V201).stream().filter(OcppActions::sentByChargers))
                .hasSize(25)
                .contains("TransactionEvent", "NotifyEVChargingNeeds")
                .doesNotContain("StartTransaction");
        assertThat(SCHEMAS.actions(OcppVersion.V201).stream().filter(OcppActions::sentToChargers))
                .contains("RequestStartTransaction", "SetVariables", "DataTransfer")
                .hasSize(40);
    }

    @Test
    void aSchemaWithoutItsPairStopsTheStart() {
        assertThatThrownBy(() -> SchemaFiles.of(
                        "ocpp/schemas/ocpp2.0.1",
                        "Request.json",
                        List.of("HeartbeatRequest.json", "HeartbeatResponse.json", "ResetRequest.json")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[Reset]");
        assertThatThrownBy(() -> SchemaFiles.of(
                        "ocpp/schemas/ocpp2.0.1", "Request.json", List.of("Heartbeat.json", "HeartbeatResponse.json")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Heartbeat.json is neither a request nor a response");
        assertThatThrownBy(() -> SchemaFiles.of("ocpp/schemas/ocpp1.6", ".json", List.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no OCPP schemas");
    }

    @Test
    void packagedSchemasAreListedFromTheJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of(
                    "ocpp/schemas/package.json",
                    "ocpp/schemas/ocpp1.6/",
                    "ocpp/schemas/ocpp1.6/Heartbeat.json",
                    "ocpp/schemas/ocpp1.6/HeartbeatResponse.json",
                    "ocpp/schemas/ocpp2.0.1/ResetRequest.json")) {
                out.putNextEntry(new JarEntry(entry));
                if (!entry.endsWith("/")) {
                    out.write("{}".getBytes());
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(SchemaFiles.list(loader, "ocpp/schemas/ocpp1.6"))
                    .containsExactly("Heartbeat.json", "HeartbeatResponse.json");
            assertThat(SchemaFiles.of(loader, OcppVersion.V16).actions()).containsExactly("Heartbeat");
            assertThat(SchemaFiles.of(loader, OcppVersion.V16).request("Heartbeat"))
                    .isEqualTo("ocpp/schemas/ocpp1.6/Heartbeat.json");
        }
    }
}
