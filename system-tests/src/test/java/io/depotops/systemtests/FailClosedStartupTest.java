package io.depotops.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.depotops.platform.testing.TestRun;
import io.depotops.platform.testing.TestServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A production start (no {@code %dev}/{@code %test} profile) without one of the settings that
 * have no default refuses to start and names the setting, instead of falling back to a
 * development key (issue 13). Each case starts the built jar with everything deploy/dev hands the
 * services but one setting.
 */
class FailClosedStartupTest {

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
        "manage-core, MP_JWT_VERIFY_PUBLICKEY_LOCATION, mp.jwt.verify.publickey.location",
        "manage-core, MP_JWT_VERIFY_ISSUER, mp.jwt.verify.issuer",
        "manage-core, DEPOTOPS_CORE_TELEMATICS_CREDENTIALS_KEY, depotops.core.telematics.credentials-key",
        "manage-core, DEPOTOPS_SERVICE_AUTH_TRUSTED_CALLERS, depotops.service-auth.trusted-callers",
        "manage-core, DEPOTOPS_DB_PASSWORD, depotops.db.password",
        "manage-connect, DEPOTOPS_SERVICE_AUTH_SIGNING_KEY_LOCATION, depotops.service-auth.signing-key-location",
        "manage-connect, DEPOTOPS_RABBITMQ_PASSWORD, depotops.rabbitmq.password",
        "telematics, MP_JWT_VERIFY_PUBLICKEY_LOCATION, mp.jwt.verify.publickey.location",
    })
    void refusesToStartNamingTheMissingSetting(String module, String variable, String setting) throws Exception {
        Path root = SystemUnderTest.Services.repositoryRoot();
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        assertThat(jar).as("build it first: ./mvnw package -DskipTests").exists();
        // a schema, vhost and Redis database of this test run: a start that gets as far as Flyway or
        // the broker touches nobody's data
        String schema = TestRun.schema("failclosed_" + module.replace('-', '_'));
        List<String> command = new ArrayList<>(
                List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m", "-Dquarkus.http.port=0"));
        TestServers.directSettings().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of(
                "-Ddepotops.internal.port=0",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://${depotops.db.host}:${depotops.db.port}/depotops"
                        + "?currentSchema=" + schema,
                "-Dquarkus.flyway.schemas=" + schema,
                "-Dquarkus.flyway.default-schema=" + schema,
                "-jar",
                jar.toString()));
        Map<String, String> settings = new HashMap<>(SystemUnderTest.Services.developmentSettings());
        assertThat(settings).containsKey(variable);
        settings.remove(variable);
        Path log = Files.createTempFile("failclosed-" + module, ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.resolve(module).toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("DEPOTOPS_") || name.startsWith("MP_JWT"));
        builder.environment().putAll(settings);
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("%s started without %s:%n%s", module, variable, read(log))
                    .isTrue();
            assertThat(process.exitValue()).isNotZero();
            assertThat(read(log)).contains(setting);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
