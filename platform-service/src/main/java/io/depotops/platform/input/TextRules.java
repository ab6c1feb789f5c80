package io.depotops.platform.input;

/**
 * The characters no request may carry in a text value: they cannot be stored (PostgreSQL refuses
 * NUL), they rewrite what an operator sees in a log line or a screen (control characters, the
 * bidirectional overrides and isolates of "Trojan Source"), or they are not text at all (a lone
 * UTF-16 surrogate, which no UTF-8 column can hold).
 *
 * <ul>
 *   <li>C0 controls U+0000-U+001F, except tab, line feed and carriage return in JSON strings
 *       (free text may hold line breaks; ids are held to their own patterns by Bean Validation);
 *   <li>DEL U+007F and the C1 controls U+0080-U+009F;
 *   <li>the bidirectional embeddings and overrides U+202A-U+202E and isolates U+2066-U+2069;
 *   <li>an unpaired surrogate.
 * </ul>
 */
public final class TextRules {

    private TextRules() {}

    /** Whether line breaks and tabs are allowed: in JSON strings yes, in path and query parameters no. */
    public enum Breaks {
        ALLOWED,
        REFUSED
    }

    /** The index of the first character {@code value} may not hold, or -1 when it is clean. */
    public static int firstDisallowed(CharSequence value, Breaks breaks) {
        if (value == null) {
            return -1;
        }
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20) {
                if (breaks == Breaks.ALLOWED && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return i;
            }
            if (c < 0x7F) {
                continue;
            }
            if (c <= 0x9F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return i;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** What a client is told about a value that holds such a character, with its code point. */
    public static String describe(CharSequence value, int index) {
        return "must not contain control, bidirectional formatting or unpaired surrogate characters (found U+%04X at index %d)"
                .formatted((int) value.charAt(index), index);
    }
}
