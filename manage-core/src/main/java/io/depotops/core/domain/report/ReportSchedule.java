package io.depotops.core.domain.report;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A Unix cron expression (five fields: minute hour day-of-month month day-of-week) read in the
 * depot's time zone, so "0 6 * * *" is six in the morning there in summer and winter alike.
 */
public final class ReportSchedule {

    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExecutionTime execution;
    private final ZoneId zone;

    private ReportSchedule(Cron cron, ZoneId zone) {
        this.execution = ExecutionTime.forCron(cron);
        this.zone = zone;
    }

    /** @throws IllegalArgumentException naming what is wrong with the expression */
    public static ReportSchedule parse(String expression, ZoneId zone) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        Cron cron;
        try {
            cron = PARSER.parse(expression.strip());
            cron.validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "is not a Unix cron expression (minute hour day month weekday): " + e.getMessage());
        }
        return new ReportSchedule(cron, zone);
    }

    /** The first time strictly after {@code after}; empty if the expression never fires again. */
    public Optional<Instant> nextAfter(Instant after) {
        return execution.nextExecution(after.atZone(zone)).map(t -> t.toInstant());
    }
}
