package io.depotops.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class EscapingLogFilterTest {

    private final EscapingLogFilter filter = new EscapingLogFilter();

    @Test
    void aValueCannotForgeALogLineOrRewriteTheTerminal() {
        ExtLogRecord record = new ExtLogRecord(
                Level.INFO, "refused %s", ExtLogRecord.FormatStyle.PRINTF, EscapingLogFilterTest.class.getName());
        record.setLoggerName("io.depotops.connect.adapter.in.websocket.OcppHandshakeCheck");
        record.setParameters(new Object[] {"CP-1\n2026-01-01 INFO all good\u001b[2J\u202Eevil\u0000"});

        assertThat(filter.isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage())
                .isEqualTo("refused CP-1\\n2026-01-01 INFO all good\\u001B[2J\\u202Eevil\\u0000");
    }

    @Test
    void aCleanMessageIsLeftAsItIs() {
        ExtLogRecord record =
                new ExtLogRecord(Level.INFO, "charger %s connected", ExtLogRecord.FormatStyle.PRINTF, "test");
        record.setLoggerName("io.depotops.connect");
        record.setParameters(new Object[] {"CP-1"});

        filter.isLoggable(record);

        assertThat(record.getFormattedMessage()).isEqualTo("charger CP-1 connected");
        assertThat(record.getParameters()).containsExactly("CP-1");
    }

    @Test
    void aFrameworksMultiLineMessageKeepsItsLinesButNotItsControlCharacters() {
        assertThat(EscapingLogFilter.escape("banner\nline two\u0007", false)).isEqualTo("banner\nline two\\u0007");
    }
}
