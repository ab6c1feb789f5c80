package io.depotops.core.adapter.out.telematics;

import io.depotops.core.application.port.TelematicsProviderClient.ProviderCallException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The JDK HTTP client the provider adapters share; turns a provider's refusal into a {@link
 * ProviderCallException} with its Retry-After. No retry here: a failed poll is retried by the next
 * cycle after the account's backoff, so a slow provider never holds a poll thread.
 */
@ApplicationScoped
class ProviderHttp {

    private final HttpClient client;
    private final Duration requestTimeout;

    ProviderHttp(
            @ConfigProperty(name = "depotops.telematics.poll.request-timeout", defaultValue = "PT30S")
                    Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    HttpRequest.Builder request(java.net.URI uri) {
        return HttpRequest.newBuilder(uri).timeout(requestTimeout).header("Accept", "application/json");
    }

    /** The body of a 2xx answer; anything else is a {@link ProviderCallException}. */
    byte[] send(HttpRequest request, String provider) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new ProviderCallException(provider + " unreachable: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderCallException(provider + " call interrupted", null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response.body();
        }
        Duration retryAfter = response.headers()
                .firstValue("Retry-After")
                .flatMap(ProviderHttp::retryAfter)
                .orElse(null);
        if (status == 429) {
            throw new ProviderCallException(provider + " rate limit (429)", retryAfter);
        }
        throw new ProviderCallException(provider + " answered HTTP " + status, retryAfter);
    }

    /** Retry-After is delay-seconds or an HTTP-date (RFC 9110 10.2.3). */
    static Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
