package io.depotops.platform.testing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request, exactly as it goes on the wire: method, raw request target (already
 * percent-encoded as sent), headers and body bytes. {@link #describe()} prints it so that it can be
 * sent again by hand.
 *
 * @param operation the documented operation it exercises ({@code "POST /api/v1/..."}), or a probe's name
 * @param caseNumber which case of that operation (with the seed, enough to generate it again)
 * @param auth the name of the credentials used ({@code none} for none)
 * @param mutation what was done to make it interesting ({@code valid}, {@code body.name: huge string}, ...)
 */
public record FuzzRequest(
        String operation,
        int caseNumber,
        String auth,
        String mutation,
        String method,
        String target,
        Map<String, String> headers,
        byte[] body) {

    static final int SHOWN_BODY_CHARS = 2_000;

    public FuzzRequest {
        headers = new LinkedHashMap<>(headers);
    }

    /** The request as an HTTP/1.1 message (a long body shortened, control characters escaped). */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(method).append(' ').append(shorten(target, 600)).append(" HTTP/1.1\n");
        headers.forEach((name, value) -> out.append(name)
                .append(": ")
                .append(name.equalsIgnoreCase("Authorization") ? "Bearer <" + auth + " token>" : value)
                .append('\n'));
        if (body != null && body.length > 0) {
            out.append('\n').append(escape(shorten(new String(body, StandardCharsets.UTF_8), SHOWN_BODY_CHARS)));
            out.append("\n(").append(body.length).append(" bytes)");
        }
        return out.toString();
    }

    private static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max / 2) + "...<" + (text.length() - max) + " more characters>..."
                + text.substring(text.length() - max / 2);
    }

    /** Control, format and bidi characters as {@code \\uXXXX}, so the printed request shows them. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if ((Character.isISOControl(cp) && cp != '\n') || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
