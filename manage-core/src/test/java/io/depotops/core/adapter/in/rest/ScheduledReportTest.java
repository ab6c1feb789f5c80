package io.depotops.core.adapter.in.rest;

import static io.depotops.core.adapter.in.rest.CoreApiFixtures.as;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newDepot;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.newWorkspace;
import static io.depotops.core.adapter.in.rest.CoreApiFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.depotops.core.SmtpSink;
import io.depotops.core.TestClock;
import io.depotops.core.application.report.ScheduledReportService;
import io.depotops.platform.testing.TestServers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled reports against the real PostgreSQL, S3Mock, DynamoDB Local and an SMTP server: two
 * schedulers racing for the same cron time produce one run, one report and one email; a store
 * that fails is retried after growing delays and ends FAILED with the reason.
 */
@QuarkusTest
class ScheduledReportTest {

    @Inject
    ScheduledReportService scheduler;

    @Inject
    TestClock clock;

    @SmtpSink.Inject
    GreenMail smtp;

    private String workspace;
    private String operator;
    private String depot;
    private final List<String> definitions = new ArrayList<>();

    @BeforeEach
    void depot() {
        workspace = newWorkspace();
        operator = token("operator", workspace);
        depot = newDepot(operator, workspace);
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        for (String id : definitions) {
            JsonPath current = definition(id);
            as(operator)
                    .header("If-Match", "\"" + current.getLong("version") + "\"")
                    .delete("/api/v1/workspaces/{ws}/report-definitions/{id}", workspace, id)
                    .then()
                    .statusCode(204);
        }
    }

    private String define(String recipient) {
        String id = as(operator)
                .body(Map.of(
                        "name", "Hourly " + UUID.randomUUID(),
                        "depotId", depot,
                        "kind", "CHARGING_SESSIONS",
                        "format", "CSV",
                        "period", "PREVIOUS_DAY",
                        "cron", "0 * * * *",
                        "recipients", List.of(recipient)))
                .post("/api/v1/workspaces/{ws}/report-definitions", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        definitions.add(id);
        return id;
    }

    private JsonPath definition(String id) {
        return as(operator)
                .get("/api/v1/workspaces/{ws}/report-definitions/{id}", workspace, id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private List<Map<String, Object>> runs(String id) {
        return as(operator)
                .get("/api/v1/workspaces/{ws}/report-definitions/{id}/runs", workspace, id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private List<Map<String, Object>> reports() {
        return as(operator)
                .get("/api/v1/workspaces/{ws}/reports", workspace)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private List<MimeMessage> mailTo(String recipient) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(recipient))) {
                found.add(message);
            }
        }
        return found;
    }

    @Test
    void twoSchedulersRacingForOneCronTimeProduceOneRunOneReportAndOneEmail() throws Exception {
        String recipient = "ops-" + UUID.randomUUID() + "@example.com";
        String id = define(recipient);
        Instant scheduledFor = Instant.parse(definition(id).getString("schedule.scheduledFor"));
        assertThat(scheduler.runDue("core-a")).as("not due yet").isZero();

        // one hour on: the first cron time is due, the next one not yet
        clock.advance(Duration.between(Instant.now(), scheduledFor).plusSeconds(1));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Integer>> instances = List.of("core-a", "core-b").stream()
                    .map(owner -> CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    start.await(30, TimeUnit.SECONDS);
                                } catch (Exception e) {
                                    throw new IllegalStateException(e);
                                }
                                return scheduler.runDue(owner);
                            },
                            threads))
                    .toList();
            for (CompletableFuture<Integer> instance : instances) {
                instance.get(120, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(scheduler.runDue("core-c"))
                .as("nothing left for a third instance")
                .isZero();

        List<Map<String, Object>> runs = runs(id);
        assertThat(runs).hasSize(1);
        assertThat(runs.getFirst()).containsEntry("status", "READY").containsEntry("attempts", 1);
        assertThat(Instant.parse((String) runs.getFirst().get("scheduledFor"))).isEqualTo(scheduledFor);
        List<Map<String, Object>> reports = reports();
        assertThat(reports).hasSize(1);
        assertThat(reports.getFirst()).containsEntry("id", runs.getFirst().get("reportId"));
        // the day before 'scheduledFor' in Berlin
        Instant to = Instant.parse((String) reports.getFirst().get("to"));
        assertThat(Duration.between(Instant.parse((String) reports.getFirst().get("from")), to))
                .isBetween(Duration.ofHours(23), Duration.ofHours(25));
        assertThat(to).isBeforeOrEqualTo(scheduledFor).isAfter(scheduledFor.minus(Duration.ofDays(1)));

        JsonPath after = definition(id);
        assertThat(Instant.parse(after.getString("schedule.scheduledFor"))).isEqualTo(scheduledFor.plusSeconds(3600));
        assertThat(after.getString("schedule.lastStatus")).isEqualTo("READY");

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailTo(recipient).isEmpty());
        List<MimeMessage> mails = mailTo(recipient);
        assertThat(mails).hasSize(1);
        String body = mails.getFirst().getContent().toString();
        Matcher link = Pattern.compile("(http\\S+)").matcher(body);
        assertThat(link.find()).as(body).isTrue();
        byte[] file = given().urlEncodingEnabled(false)
                .get(URI.create(link.group(1)))
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        assertThat(new String(file, java.nio.charset.StandardCharsets.UTF_8)).startsWith("transactionId,");
    }

    @Test
    void aStoreThatKeepsFailingIsRetriedWithGrowingDelaysThenEndsFailedWithTheReason() throws Exception {
        String recipient = "failing-" + UUID.randomUUID() + "@example.com";
        String id = define(recipient);
        Instant scheduledFor = Instant.parse(definition(id).getString("schedule.scheduledFor"));
        clock.advance(Duration.between(Instant.now(), scheduledFor).plusSeconds(1));
        TestServers.s3().cut();
        try {
            Duration delay = Duration.ofSeconds(30);
            for (int attempt = 1; attempt <= 3; attempt++) {
                scheduler.runDue("core-a");
                JsonPath state = definition(id);
                assertThat(state.getInt("schedule.attempt")).isEqualTo(attempt);
                assertThat(state.getString("schedule.lastError")).startsWith("storing the file failed");
                Instant dueAt = Instant.parse(state.getString("schedule.dueAt"));
                assertThat(dueAt).isAfter(clock.instant().plus(delay).minusSeconds(5));
                assertThat(runs(id)).isEmpty();
                assertThat(reports())
                        .as("a failed attempt that will be retried is not listed")
                        .isEmpty();

                scheduler.runDue("core-b"); // not due again yet
                assertThat(definition(id).getInt("schedule.attempt")).isEqualTo(attempt);

                clock.advance(delay.plusSeconds(1));
                delay = delay.multipliedBy(2);
            }
            scheduler.runDue("core-b"); // the fourth and last attempt
        } finally {
            TestServers.s3().restore();
        }
        List<Map<String, Object>> runs = runs(id);
        assertThat(runs).hasSize(1);
        assertThat(runs.getFirst()).containsEntry("status", "FAILED").containsEntry("attempts", 4);
        assertThat((String) runs.getFirst().get("error")).startsWith("storing the file failed");
        List<Map<String, Object>> reports = reports();
        assertThat(reports).hasSize(1);
        assertThat(reports.getFirst()).containsEntry("status", "FAILED");

        JsonPath after = definition(id);
        assertThat(after.getInt("schedule.attempt")).isZero();
        assertThat(after.getString("schedule.lastStatus")).isEqualTo("FAILED");
        assertThat(Instant.parse(after.getString("schedule.scheduledFor"))).isEqualTo(scheduledFor.plusSeconds(3600));
        assertThat(mailTo(recipient)).as("no mail for a failed run").isEmpty();
    }

    @Test
    void aDisabledDefinitionIsNeverRun() {
        String id = as(operator)
                .body(Map.of(
                        "name", "Off",
                        "depotId", depot,
                        "kind", "ENERGY_PER_DAY",
                        "period", "PREVIOUS_DAY",
                        "cron", "* * * * *",
                        "enabled", false))
                .post("/api/v1/workspaces/{ws}/report-definitions", workspace)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        definitions.add(id);
        clock.advance(Duration.ofMinutes(5));
        scheduler.runDue("core-a");
        assertThat(runs(id)).isEmpty();
        assertThat(reports()).isEmpty();
    }
}
