package io.depotops.connect.application.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.adapter.out.ocppschema.OcaSchemaValidator;
import io.depotops.connect.application.session.CallContext;
import io.depotops.connect.domain.OcppVersion;
import org.junit.jupiter.api.Test;

/** Without a certificate authority each certificate request gets a refusal that passes its schema. */
class CertificateServiceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OcaSchemaValidator SCHEMAS = new OcaSchemaValidator();

    private static final CertificateAuthority NONE = new CertificateAuthority() {
        @Override
        public boolean configured() {
            return false;
        }

        @Override
        public JsonNode relay(String chargePointId, String action, JsonNode request) {
            throw new AssertionError("not configured: never asked");
        }
    };

    private final CertificateService service = new CertificateService(NONE, SCHEMAS, JSON);
    private final CallContext charger = new CallContext("CP-NO-PKI", OcppVersion.V201, "s1");

    @Test
    void withoutPki_refusedWithReason_validAgainstTheSchemas() {
        for (String action : new String[] {"Get15118EVCertificate", "GetCertificateStatus", "SignCertificate"}) {
            JsonNode answer = service.relay(charger, action, JSON.createObjectNode());
            assertThat(answer.get("status").asText())
                    .as(action)
                    .isEqualTo(action.equals("SignCertificate") ? "Rejected" : "Failed");
            assertThat(answer.get("statusInfo").get("reasonCode").asText()).isEqualTo("NoCertAuthority");
            assertThat(SCHEMAS.validateResponse(OcppVersion.V201, action, answer))
                    .as(action)
                    .isEmpty();
        }
    }
}
