package io.depotops.sim.adapter.out.suite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The ids a run shows the suite: its prefix before each charger's id (charge point ids are unique
 * across the suite) and each vehicle's id tag (at most 20 characters, OCPP 1.6's limit: hashed
 * when the prefixed id is longer).
 */
record OcppIds(String prefix) {

    String chargePoint(String chargerId) {
        return prefix + chargerId;
    }

    String idTag(String vehicleId) {
        String tag = prefix + vehicleId;
        if (tag.length() <= 20) {
            return tag;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(tag.getBytes(StandardCharsets.UTF_8));
            return "SIM" + HexFormat.of().formatHex(hash).substring(0, 17).toUpperCase(java.util.Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
