package io.depotops.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.Test;

/** Every service's log handlers escape what a request smuggles into a message (platform defaults). */
@QuarkusTest
class LogInjectionTest {

    @Test
    void theConsoleHandlerWritesAForgedLineEscaped() {
        List<Filter> filters = new ArrayList<>();
        collect(LogContext.getLogContext().getLogger("").getHandlers(), filters);

        boolean escaped = false;
        for (Filter filter : filters) {
            ExtLogRecord record =
                    new ExtLogRecord(Level.WARNING, "request %s refused", ExtLogRecord.FormatStyle.PRINTF, "t");
            record.setLoggerName("io.depotops.platform.problem.ProblemExceptionMappers");
            record.setParameters(new Object[] {"/x\n2026-01-01 INFO forged\u202E"});
            filter.isLoggable(record);
            escaped |= record.getFormattedMessage().equals("request /x\\n2026-01-01 INFO forged\\u202E refused");
        }

        assertThat(escaped)
                .as("a handler filter of the root logger escapes, among %s", filters)
                .isTrue();
    }

    private static void collect(Handler[] handlers, List<Filter> filters) {
        for (Handler handler : handlers) {
            if (handler.getFilter() != null) {
                filters.add(handler.getFilter());
            }
            if (handler instanceof ExtHandler ext) {
                collect(ext.getHandlers(), filters);
            }
        }
    }
}
