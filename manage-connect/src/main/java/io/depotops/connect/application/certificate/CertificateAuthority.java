package io.depotops.connect.application.certificate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Port: the PKI that answers a charger's certificate requests (OCPP 2.0.1 block M:
 * Get15118EVCertificate, GetCertificateStatus, SignCertificate). connect only relays them.
 */
public interface CertificateAuthority {

    /** Whether a certificate authority is configured at all. */
    boolean configured();

    /**
     * The authority's answer payload to {@code action}'s request, within its deadline; throws
     * {@link Unavailable} when it fails, refuses or does not answer in time.
     */
    JsonNode relay(String chargePointId, String action, JsonNode request);

    /** The authority could not give an answer. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
