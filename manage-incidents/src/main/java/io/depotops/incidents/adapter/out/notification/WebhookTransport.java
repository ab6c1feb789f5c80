package io.depotops.incidents.adapter.out.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.contracts.notifications.WebhookHeaders;
import io.depotops.contracts.notifications.WebhookNotificationV1;
import io.depotops.incidents.application.port.NotificationTransport.SendFailedException;
import io.depotops.incidents.domain.incident.Incident;
import io.depotops.incidents.domain.notification.Delivery;
import io.depotops.incidents.domain.notification.NotificationChannel;
import io.depotops.incidents.domain.notification.NotificationMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** POSTs the notification as JSON, signed (HMAC-SHA256 of the body) and named by its delivery id. */
@ApplicationScoped
class WebhookTransport {

    private final HttpClient client;
    private final ObjectMapper json;
    private final Duration timeout;

    WebhookTransport(
            ObjectMapper json,
            @ConfigProperty(name = "depotops.incidents.notifications.webhook-timeout", defaultValue = "5s")
                    Duration timeout) {
        this.json = json;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void send(NotificationChannel channel, Delivery delivery, Incident incident, NotificationMessage message)
            throws SendFailedException {
        byte[] body = body(delivery, incident, message);
        HttpRequest request = HttpRequest.newBuilder(channel.webhookUrl())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookHeaders.DELIVERY_ID, delivery.id().toString())
                .header(WebhookHeaders.SIGNATURE, WebhookHeaders.SIGNATURE_PREFIX + sign(channel.webhookSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new SendFailedException("webhook unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailedException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new SendFailedException("webhook answered HTTP " + response.statusCode(), null);
        }
    }

    private byte[] body(Delivery delivery, Incident incident, NotificationMessage message) {
        try {
            return json.writeValueAsBytes(new WebhookNotificationV1(
                    delivery.id().toString(),
                    delivery.kind().name(),
                    message.subject(),
                    message.text(),
                    incident.id().toString(),
                    incident.workspaceId().toString(),
                    incident.ruleName(),
                    incident.severity().name(),
                    incident.status().name(),
                    incident.resourceType(),
                    incident.subject(),
                    incident.siteId(),
                    incident.labels(),
                    incident.openedAt(),
                    incident.resolvedAt(),
                    incident.eventCount()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification body could not be written", e);
        }
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
