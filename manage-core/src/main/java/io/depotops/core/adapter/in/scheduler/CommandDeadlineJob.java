package io.depotops.core.adapter.in.scheduler;

import io.depotops.core.application.CommandService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Closes commands nobody answered by their deadline. */
@ApplicationScoped
class CommandDeadlineJob {

    private final CommandService commands;
    private final Clock clock;

    CommandDeadlineJob(CommandService commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(
            every = "${depotops.commands.deadline-check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        commands.expire(clock.instant());
    }
}
