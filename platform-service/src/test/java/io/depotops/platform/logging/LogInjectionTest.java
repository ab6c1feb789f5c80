package io.depotops.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Filter;
import java.util.logging.Handler;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.LogContext;
import org.junit.jupiter.api.Test;

/** Every service's log lines pass the escaping filter (platform defaults), not only the unit. */
@QuarkusTest
class LogInjectionTest {

    @Test
    void theConsoleHandlerEscapesWhatItWrites() {
        List<Filter> filters = new ArrayList<>();
        collect(LogContext.getLogContext().getLogger("").getHandlers(), filters);

        assertThat(filters).hasAtLeastOneElementOfType(EscapingLogFilter.class);
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
