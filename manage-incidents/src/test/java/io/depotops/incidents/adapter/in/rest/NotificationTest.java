package io.depotops.incidents.adapter.in.rest;

import static io.depotops.incidents.IncidentFixtures.as;
import static io.depotops.incidents.IncidentFixtures.awaitIncident;
import static io.depotops.incidents.IncidentFixtures.connectFact;
import static io.depotops.incidents.IncidentFixtures.install;
import static io.depotops.incidents.IncidentFixtures.newWorkspace;
import static io.depotops.incidents.IncidentFixtures.registerCharger;
import static io.depotops.incidents.IncidentFixtures.token;
import static io.depotops.incidents.IncidentFixtures.uniqueChargePoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.sun.net.httpserver.HttpServer;
import io.depotops.contracts.events.EventTypes;
import io.depotops.contracts.notifications.WebhookHeaders;
import io.depotops.incidents.SmtpSink;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Notifications from real incidents to a real webhook receiver (an HTTP server in the test) and a
 * real SMTP server (GreenMail): signatures, stable delivery ids, retries after failures, the
 * dead-letter state, routing, silences, repeats and the delivery log.
 */
@QuarkusTest
class NotificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "a-test-secret-of-32-characters!!";

    @Inject
    ConfirmingPublisher publisher;

    @SmtpSink.Inject
    GreenMail smtp;

    private final String workspace = newWorkspace();
    private final List<HttpServer> receivers = new CopyOnWriteArrayList<>();

    /** A request the receiver got: its headers of interest and body. */
    record Received(String deliveryId, String signature, byte[] body) {}

    @AfterEach
    void stopReceivers() {
        receivers.forEach(server -> server.stop(0));
    }

    /** An HTTP receiver that answers 500 to the first {@code failures} requests, then 200. */
    private String receiver(int failures, List<Received> received) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger seen = new AtomicInteger();
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(
                    exchange.getRequestHeaders().getFirst(WebhookHeaders.DELIVERY_ID),
                    exchange.getRequestHeaders().getFirst(WebhookHeaders.SIGNATURE),
                    body));
            int status = seen.incrementAndGet() <= failures ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        receivers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private String webhookChannel(String name, String url, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("name", name, "type", "WEBHOOK", "webhookUrl", url, "webhookSecret", SECRET));
        body.putAll(extra);
        return as(token("admin", workspace))
                .body(body)
                .post("/api/v1/workspaces/{ws}/notification-channels", workspace)
                .then()
                .statusCode(201)
                .body("webhookSecretSet", equalTo(true))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("webhookSecret")))
                .extract()
                .path("id");
    }

    private Map<String, Object> securityIncident() throws Exception {
        String cp = uniqueChargePoint();
        registerCharger(publisher, workspace, cp);
        connectFact(
                publisher,
                EventTypes.CONNECT_CHARGER_SECURITY_EVENT_V1,
                cp,
                Map.of("chargePointId", cp, "type", "TamperDetectionActivated"));
        return awaitIncident(workspace, i -> cp.equals(((Map<?, ?>) i.get("resource")).get("id")));
    }

    private List<Map<String, Object>> deliveries(String query) {
        return as(token("viewer", workspace))
                .get("/api/v1/workspaces/{ws}/notification-deliveries" + query, workspace)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    @Test
    void aWebhookThatFailsFirstGetsTheSameSignedDeliveryAgainUntilItAccepts() throws Exception {
        install(workspace, "security-event", 0);
        List<Received> received = new CopyOnWriteArrayList<>();
        String channel = webhookChannel("ops hook", receiver(1, received), Map.of());
        Instant before = Instant.now();
        Map<String, Object> incident = securityIncident();

        await().atMost(Duration.ofSeconds(15)).until(() -> received.size() >= 2);
        Received first = received.get(0);
        Received second = received.get(1);
        assertThat(second.deliveryId()).as("a retry keeps the delivery id").isEqualTo(first.deliveryId());
        for (Received request : received) {
            assertThat(request.signature()).isEqualTo(WebhookHeaders.SIGNATURE_PREFIX + hmac(request.body()));
        }
        JsonNode body = JSON.readTree(second.body());
        assertThat(body.get("deliveryId").asText()).isEqualTo(first.deliveryId());
        assertThat(body.get("incidentId").asText()).isEqualTo(incident.get("id"));
        assertThat(body.get("kind").asText()).isEqualTo("OPENED");
        assertThat(body.get("severity").asText()).isEqualTo("CRITICAL");

        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        deliveries("?channelId=" + channel).stream().anyMatch(d -> "SENT".equals(d.get("status"))));
        Map<String, Object> delivery =
                deliveries("?incidentId=" + incident.get("id")).getFirst();
        assertThat(delivery.get("id")).isEqualTo(first.deliveryId());
        assertThat(delivery.get("attempts")).isEqualTo(2);
        assertThat((List<?>) delivery.get("attemptLog")).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) delivery.get("attemptLog")).get(0)).get("detail"))
                .asString()
                .contains("500");
        assertThat(Duration.between(before, Instant.parse((String) delivery.get("sentAt"))))
                .isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aChannelThatKeepsFailingIsDeadLetteredAndNeverHoldsAnotherBack() throws Exception {
        install(workspace, "security-event", 0);
        List<Received> broken = new CopyOnWriteArrayList<>();
        List<Received> healthy = new CopyOnWriteArrayList<>();
        String failing = webhookChannel("broken hook", receiver(Integer.MAX_VALUE, broken), Map.of("maxAttempts", 2));
        webhookChannel("healthy hook", receiver(0, healthy), Map.of());
        // and one whose host does not answer at all
        webhookChannel("unreachable hook", "http://127.0.0.1:9/hook", Map.of("maxAttempts", 1));

        Map<String, Object> incident = securityIncident();
        await().atMost(Duration.ofSeconds(5)).until(() -> healthy.size() == 1);
        await().atMost(Duration.ofSeconds(15))
                .until(() ->
                        deliveries("?channelId=" + failing).stream().anyMatch(d -> "DEAD".equals(d.get("status"))));
        assertThat(broken).hasSize(2);
        assertThat(deliveries("?status=DEAD&incidentId=" + incident.get("id"))).hasSize(2);
        assertThat(deliveries("?status=SENT&incidentId=" + incident.get("id"))).hasSize(1);
    }

    @Test
    void emailGoesThroughSmtpWithTheDeliveryIdAsMessageId() throws Exception {
        install(workspace, "security-event", 0);
        as(token("admin", workspace))
                .body(Map.of("name", "on call", "type", "EMAIL", "emailTo", List.of("oncall@example.com")))
                .post("/api/v1/workspaces/{ws}/notification-channels", workspace)
                .then()
                .statusCode(201);
        Map<String, Object> incident = securityIncident();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> List.of(smtp.getReceivedMessages()).stream()
                        .anyMatch(m -> text(m).contains(incident.get("id").toString())));
        MimeMessage mail = List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> text(m).contains(incident.get("id").toString()))
                .findFirst()
                .orElseThrow();
        String deliveryId = (String)
                deliveries("?incidentId=" + incident.get("id")).getFirst().get("id");
        assertThat(mail.getMessageID()).isEqualTo("<" + deliveryId + "@incidents.depotops>");
        assertThat(mail.getSubject()).contains("CRITICAL").contains("Opened");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("oncall@example.com");
    }

    @Test
    void routingBySeverityAndLabelsAndSilencesDecideWhatIsSent() throws Exception {
        install(workspace, "security-event", 0);
        List<Received> critical = new CopyOnWriteArrayList<>();
        List<Received> chargingTeam = new CopyOnWriteArrayList<>();
        webhookChannel("critical only", receiver(0, critical), Map.of("minSeverity", "CRITICAL"));
        webhookChannel(
                "charging team",
                receiver(0, chargingTeam),
                Map.of("matchers", List.of(Map.of("name", "category", "operator", "=", "value", "charging"))));
        Map<String, Object> first = securityIncident(); // CRITICAL, category=security
        await().atMost(Duration.ofSeconds(5)).until(() -> critical.size() == 1);

        String cp = uniqueChargePoint();
        as(token("operator", workspace))
                .body(Map.of(
                        "matchers", List.of(Map.of("name", "template", "operator", "=", "value", "security-event")),
                        "endsAt", Instant.now().plusSeconds(600).toString()))
                .post("/api/v1/workspaces/{ws}/silences", workspace)
                .then()
                .statusCode(201);
        Map<String, Object> silenced = securityIncident();
        Thread.sleep(1500); // several sender rounds
        assertThat(critical).as("the silenced incident sends nothing").hasSize(1);
        assertThat(chargingTeam).as("no incident of the charging category").isEmpty();
        assertThat(deliveries("?incidentId=" + silenced.get("id"))).isEmpty();
        assertThat(first.get("id")).isNotEqualTo(silenced.get("id"));
        assertThat(cp).isNotBlank();
    }

    @Test
    void anOpenIncidentIsRepeatedAtTheChannelsIntervalUntilAcknowledged() throws Exception {
        install(workspace, "security-event", 0);
        List<Received> received = new CopyOnWriteArrayList<>();
        webhookChannel("repeating", receiver(0, received), Map.of("repeatIntervalSeconds", 1));
        Map<String, Object> incident = securityIncident();
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() >= 3);
        assertThat(received.stream().map(Received::deliveryId).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(JSON.readTree(received.get(1).body()).get("kind").asText()).isEqualTo("REPEAT");

        as(token("operator", workspace))
                .post("/api/v1/workspaces/{ws}/incidents/{id}/acknowledge", workspace, incident.get("id"))
                .then()
                .statusCode(200);
        Thread.sleep(500);
        int atAcknowledgement = received.size();
        Thread.sleep(2500);
        assertThat(received).as("no repeat once acknowledged").hasSize(atAcknowledgement);
    }

    @Test
    void aChannelThatCannotWorkIsRefusedNamingTheFieldAndOnlyAdminsManageChannels() {
        String admin = token("admin", workspace);
        as(admin)
                .body(Map.of("name", "no url", "type", "WEBHOOK", "webhookSecret", SECRET))
                .post("/api/v1/workspaces/{ws}/notification-channels", workspace)
                .then()
                .statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", hasItems("webhookUrl"));
        as(admin)
                .body(Map.of(
                        "name",
                        "weak",
                        "type",
                        "WEBHOOK",
                        "webhookUrl",
                        "http://127.0.0.1/x",
                        "webhookSecret",
                        "short"))
                .post("/api/v1/workspaces/{ws}/notification-channels", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("webhookSecret"));
        as(admin)
                .body(Map.of("name", "ftp", "type", "WEBHOOK", "webhookUrl", "ftp://x/y", "webhookSecret", SECRET))
                .post("/api/v1/workspaces/{ws}/notification-channels", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("webhookUrl"));
        as(admin)
                .body(Map.of("name", "nobody", "type", "EMAIL"))
                .post("/api/v1/workspaces/{ws}/notification-channels", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("emailTo"));
        as(admin)
                .body(Map.of("name", "bad address", "type", "EMAIL", "emailTo", List.of("not an address")))
                .post("/api/v1/workspaces/{ws}/notification-channels", workspace)
                .then()
                .statusCode(400)
                .body("errors.field", hasItems(containsString("emailTo")));
        as(token("operator", workspace))
                .body(Map.of("name", "ops", "type", "EMAIL", "emailTo", List.of("a@example.com")))
                .post("/api/v1/workspaces/{ws}/notification-channels", workspace)
                .then()
                .statusCode(403);
        as(token("admin", newWorkspace()))
                .get("/api/v1/workspaces/{ws}/notification-deliveries", workspace)
                .then()
                .statusCode(404);
    }

    private static String text(MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            return "";
        }
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
