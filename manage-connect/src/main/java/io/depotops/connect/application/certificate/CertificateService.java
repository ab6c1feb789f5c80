package io.depotops.connect.application.certificate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.depotops.connect.application.session.CallContext;
import io.depotops.connect.application.session.PayloadValidator;
import io.depotops.connect.application.session.PayloadValidator.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Relays a charger's certificate requests (2.0.1 M02-M06: Get15118EVCertificate,
 * GetCertificateStatus; A02/A03: SignCertificate) to the {@link CertificateAuthority}. Without an
 * authority, or when it fails, the charger gets a valid refusal (Failed; SignCertificate: Rejected)
 * whose {@code statusInfo.reasonCode} says why, never a CALLERROR: it may retry later.
 */
@ApplicationScoped
public class CertificateService {

    /** reasonCode when no authority is configured (2.0.1 limits reasonCode to 20 characters). */
    static final String NO_AUTHORITY = "NoCertAuthority";
    /** reasonCode when the authority failed, refused or gave an answer that fails the schema. */
    static final String AUTHORITY_FAILED = "CertAuthorityFailed";

    private static final Logger LOG = Logger.getLogger(CertificateService.class);

    private final CertificateAuthority authority;
    private final PayloadValidator validator;
    private final ObjectMapper mapper;

    public CertificateService(CertificateAuthority authority, PayloadValidator validator, ObjectMapper mapper) {
        this.authority = authority;
        this.validator = validator;
        this.mapper = mapper;
    }

    public JsonNode relay(CallContext context, String action, JsonNode request) {
        if (!authority.configured()) {
            return refusal(action, NO_AUTHORITY, "No certificate authority is configured");
        }
        JsonNode answer;
        try {
            answer = authority.relay(context.chargePointId(), action, request);
        } catch (CertificateAuthority.Unavailable e) {
            LOG.warnf("certificate authority failed %s of %s: %s", action, context.chargePointId(), e.getMessage());
            return refusal(action, AUTHORITY_FAILED, "The certificate authority did not answer");
        }
        Optional<Violation> invalid = validator.validateResponse(context.version(), action, answer);
        if (invalid.isPresent()) {
            LOG.warnf(
                    "certificate authority answered %s of %s invalidly: %s",
                    action, context.chargePointId(), invalid.get().description());
            return refusal(action, AUTHORITY_FAILED, "The certificate authority gave an invalid answer");
        }
        return answer;
    }

    private ObjectNode refusal(String action, String reasonCode, String info) {
        ObjectNode answer = mapper.createObjectNode();
        answer.put("status", "SignCertificate".equals(action) ? "Rejected" : "Failed");
        answer.putObject("statusInfo").put("reasonCode", reasonCode).put("additionalInfo", info);
        if ("Get15118EVCertificate".equals(action)) {
            answer.put("exiResponse", ""); // required even when Failed
        }
        return answer;
    }
}
