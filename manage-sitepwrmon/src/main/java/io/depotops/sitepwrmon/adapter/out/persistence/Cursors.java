package io.depotops.sitepwrmon.adapter.out.persistence;

import io.depotops.sitepwrmon.application.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors of keyset pages: the last row's key, base64url. */
final class Cursors {

    private Cursors() {}

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (key.chars().anyMatch(c -> c < 0x20 || c == 0xFFFD)) {
                throw new IllegalArgumentException("not a key");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("cursor", "not a cursor of this list");
        }
    }
}
