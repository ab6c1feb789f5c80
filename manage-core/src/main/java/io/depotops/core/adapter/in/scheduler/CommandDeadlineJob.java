package io.depotops.core.adapter.in.scheduler;

import io.depotops.core.application.CommandService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Closes commands nobody answered by their deadline. */
@ApplicationScoped
class CommandDeadlineJob {

    private final CommandService commands;

    CommandDeadlineJob(CommandService commands) {
        this.commands = commands;
    }

    @Scheduled(
            every = "${depotops.commands.deadline-check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        commands.expire(Instant.now());
    }
}
