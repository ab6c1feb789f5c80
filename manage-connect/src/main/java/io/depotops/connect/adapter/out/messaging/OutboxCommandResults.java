package io.depotops.connect.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.application.command.CommandRequests;
import io.depotops.connect.application.command.CommandResults;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.CommandResult;
import io.depotops.contracts.commands.ChargerCommandV1;
import io.depotops.contracts.commands.CommandRequestedV1;
import io.depotops.contracts.commands.CommandResultV1;
import io.depotops.contracts.events.DepotopsEvents;
import io.depotops.contracts.events.EventTypes;
import io.depotops.platform.outbox.Outbox;
import io.depotops.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * {@code connect.command.requested.v1} and {@code connect.command.result.v1} through the outbox, on
 * the charger's aggregate ({@code charger}/{@code <chargePointId>}), so a command's request and
 * result are published in order with the charger's other facts. Subject = the charge point id; the
 * workspace of the command, when it named one.
 */
@ApplicationScoped
public class OutboxCommandResults implements CommandResults, CommandRequests {

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public OutboxCommandResults(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Override
    @Transactional
    public void publish(CommandResult result) {
        append(EventTypes.CONNECT_COMMAND_RESULT_V1, result.chargePointId(), result.workspaceId(), toContract(result));
    }

    @Override
    @Transactional
    public void requested(ChargerCommand command, String requestedBy) {
        append(
                EventTypes.CONNECT_COMMAND_REQUESTED_V1,
                command.chargePointId(),
                command.workspaceId(),
                new CommandRequestedV1(
                        command.commandId(),
                        command.chargePointId(),
                        command.workspaceId(),
                        ChargerCommandV1.Command.valueOf(command.type().name()),
                        command.parameters(),
                        requestedBy,
                        command.requestedAt(),
                        command.deadline()));
    }

    private void append(String type, String chargePointId, String workspaceId, Object data) {
        byte[] body;
        try {
            body = mapper.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type, e);
        }
        outbox.append(OutboxMessage.event(
                DepotopsEvents.create(type, OutboxChargerFacts.SOURCE, chargePointId, workspaceId, body),
                OutboxChargerFacts.AGGREGATE,
                chargePointId));
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
