package io.depotops.chargepointsim;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Where and as whom a charge point connects: the CSMS's OCPP url (the charge point id is appended,
 * as OCPP-J prescribes), the basic-auth password of security profile 1/2 (null: none) and the
 * subprotocols offered in order of preference.
 *
 * @param csmsUrl e.g. {@code ws://host:8081/ocpp/} or {@code wss://host:8443/ocpp/}; http and https
 *     are taken as ws and wss
 */
public record Endpoint(URI csmsUrl, String chargePointId, String password, List<String> subprotocols) {

    public Endpoint {
        subprotocols = List.copyOf(subprotocols);
    }

    public static Endpoint of(URI csmsUrl, String chargePointId, String password, OcppVersion version) {
        return new Endpoint(csmsUrl, chargePointId, password, List.of(version.subprotocol()));
    }

    /** The websocket URI of this charge point. */
    public URI uri() {
        String scheme = switch (csmsUrl.getScheme()) {
            case "http", "ws" -> "ws";
            case "https", "wss" -> "wss";
            default -> throw new IllegalArgumentException("not a websocket url: " + csmsUrl);
        };
        String path = csmsUrl.getRawPath() == null || csmsUrl.getRawPath().isEmpty() ? "/" : csmsUrl.getRawPath();
        if (!path.endsWith("/")) {
            path += "/";
        }
        String id = URLEncoder.encode(chargePointId, StandardCharsets.UTF_8).replace("+", "%20");
        return URI.create(scheme + "://" + csmsUrl.getRawAuthority() + path + id);
    }

    /** The Authorization header of HTTP basic auth, or null without a password. */
    String authorization() {
        if (password == null) {
            return null;
        }
        byte[] credentials = (chargePointId + ":" + password).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(credentials);
    }
}
