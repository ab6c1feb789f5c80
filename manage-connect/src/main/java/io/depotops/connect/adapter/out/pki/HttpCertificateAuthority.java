package io.depotops.connect.adapter.out.pki;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.application.ConnectSettings;
import io.depotops.connect.application.certificate.CertificateAuthority;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The PKI over HTTP ({@code depotops.connect.pki.url}): the charger's request payload is POSTed as
 * JSON to {@code <url>/<action>} with header {@value #CHARGE_POINT_HEADER}; a 2xx JSON object is
 * the answer. Anything else, or no answer within {@code depotops.connect.pki.timeout}, is {@link
 * CertificateAuthority.Unavailable}.
 */
@ApplicationScoped
public class HttpCertificateAuthority implements CertificateAuthority {

    static final String CHARGE_POINT_HEADER = "X-Charge-Point-Id";

    private final Optional<URI> base;
    private final Duration timeout;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public HttpCertificateAuthority(ConnectSettings settings, ObjectMapper mapper) {
        this.base = settings.pki().url();
        this.timeout = settings.pki().timeout();
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public boolean configured() {
        return base.isPresent();
    }

    @Override
    public JsonNode relay(String chargePointId, String action, JsonNode request) {
        URI uri = base.orElseThrow(() -> new Unavailable("no certificate authority configured", null));
        String root = uri.toString().endsWith("/") ? uri.toString() : uri + "/";
        try {
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(URI.create(root + action))
                            .timeout(timeout)
                            .header("Content-Type", "application/json")
                            .header("Accept", "application/json")
                            .header(CHARGE_POINT_HEADER, chargePointId)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(request)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() / 100 != 2) {
                throw new Unavailable(action + " answered HTTP " + response.statusCode(), null);
            }
            JsonNode answer = mapper.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw new Unavailable(action + " answer is not a JSON object", null);
            }
            return answer;
        } catch (IOException e) {
            throw new Unavailable(action + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(action + " interrupted", e);
        }
    }
}
