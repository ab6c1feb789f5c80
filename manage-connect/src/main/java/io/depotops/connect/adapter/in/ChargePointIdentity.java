package io.depotops.connect.adapter.in;

import java.util.regex.Pattern;

/**
 * A charge point's identity as connect accepts it at every door (the websocket path, the REST
 * API): OCPP 2.0.1's identifierString, at most 48 characters of {@code a-z A-Z 0-9 * - _ = : + |
 * @ .} (1.6 ids are a subset in practice). Printable ASCII only: no control, space, '/' or '%', so
 * an id is the same in a URL, a log line and core's registry.
 */
public final class ChargePointIdentity {

    /** The longest identity OCPP allows. */
    public static final int MAX_LENGTH = 48;

    /** The identity as a regular expression, for {@code @Pattern}. */
    public static final String REGEX = "[A-Za-z0-9*\\-_=:+|@.]{1," + MAX_LENGTH + "}";

    private static final Pattern PATTERN = Pattern.compile(REGEX);

    private ChargePointIdentity() {}

    public static boolean isValid(String identity) {
        return identity != null && PATTERN.matcher(identity).matches();
    }
}
