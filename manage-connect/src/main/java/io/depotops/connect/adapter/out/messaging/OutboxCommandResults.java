package io.depotops.connect.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.application.CommandResults;
import io.depotops.connect.domain.CommandResult;
import io.depotops.contracts.commands.CommandResultV1;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.platform.outbox.Outbox;
import io.depotops.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * {@code connect.command.result.v1} through the outbox, on the charger's aggregate ({@code
 * charger}/{@code <chargePointId>}), so a result is published in order with the charger's other
 * facts. Subject = the charge point id; the workspace of the command, when it named one.
 */
@ApplicationScoped
public class OutboxCommandResults implements CommandResults {

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public OutboxCommandResults(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Override
    @Transactional
    public void publish(CommandResult result) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(toContract(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a command result", e);
        }
        outbox.append(OutboxMessage.event(
                DepotopsEvents.create(
                        EventTypes.CONNECT_COMMAND_RESULT_V1,
                        OutboxChargerFacts.SOURCE,
                        result.chargePointId(),
                        result.workspaceId(),
                        body),
                OutboxChargerFacts.AGGREGATE,
                result.chargePointId()));
    }

    static CommandResultV1 toContract(CommandResult result) {
        return new CommandResultV1(
                result.commandId(),
                result.chargePointId(),
                CommandResultV1.Outcome.valueOf(result.outcome().name()),
                result.detail(),
                result.response(),
                result.completedAt());
    }
}
