package io.depotops.connect.application.ocpp201;

import io.depotops.connect.application.certificate.CertificateService;
import io.depotops.connect.application.session.ActionHandlers;
import io.depotops.connect.application.session.CallHandler;
import io.depotops.connect.domain.OcppVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** OCPP 2.0.1 block M and A02/A03: certificate requests, relayed to the certificate authority. */
@ApplicationScoped
public class Ocpp201CertificateActions implements ActionHandlers {

    private final CertificateService certificates;

    public Ocpp201CertificateActions(CertificateService certificates) {
        this.certificates = certificates;
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.V201;
    }

    @Override
    public Map<String, CallHandler> handlers() {
        Map<String, CallHandler> handlers = new HashMap<>();
        for (String action : List.of("Get15118EVCertificate", "GetCertificateStatus", "SignCertificate")) {
            handlers.put(action, (context, payload) -> certificates.relay(context, action, payload));
        }
        return handlers;
    }
}
