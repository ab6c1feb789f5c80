package io.depotops.platform.logging;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Log injection: a value from a request or a charger (a path, an id, a frame) may hold a line break
 * that forges a log line, an escape sequence that rewrites the terminal, or a bidirectional override
 * that makes a line read as something else. Every log message passes here before it is written
 * (the {@code depotops-escape} filter of the console handler) and each such character is written as
 * {@code \\uXXXX} instead ({@code \\n}, {@code \\r} and {@code \\t} for the usual ones).
 *
 * <p>Line breaks are escaped in messages of depotops' own loggers, where request data is logged;
 * a framework's multi-line message (the startup banner) keeps its lines. Exception stack traces are
 * written as they are.
 */
@LoggingFilter(name = "depotops-escape")
public final class EscapingLogFilter implements Filter {

    private static final String OWN_LOGGERS = "io.depotops.";

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!(record instanceof ExtLogRecord ext)) {
            return true;
        }
        String message = ext.getFormattedMessage();
        if (message == null) {
            return true;
        }
        boolean escapeBreaks =
                record.getLoggerName() != null && record.getLoggerName().startsWith(OWN_LOGGERS);
        String escaped = escape(message, escapeBreaks);
        if (escaped != message) {
            ext.setMessage(escaped, ExtLogRecord.FormatStyle.NO_FORMAT);
            ext.setParameters(null);
        }
        return true;
    }

    /** The text with each unsafe character escaped; the same instance when nothing needed it. */
    static String escape(String text, boolean escapeBreaks) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c, escapeBreaks);
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? text : out.toString();
    }

    private static String replacement(char c, boolean escapeBreaks) {
        switch (c) {
            case '\n':
                return escapeBreaks ? "\\n" : null;
            case '\r':
                return escapeBreaks ? "\\r" : null;
            case '\t':
                return null;
            default:
                break;
        }
        boolean unsafe = c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x2028
                || c == 0x2029;
        return unsafe ? "\\u%04X".formatted((int) c) : null;
    }
}
