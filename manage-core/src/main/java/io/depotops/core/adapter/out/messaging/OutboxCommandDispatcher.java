package io.depotops.core.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.contracts.commands.ChargerCommandV1;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.RoutingKeys;
import io.depotops.core.application.port.CommandDispatcher;
import io.depotops.core.domain.ChargerCommand;
import io.depotops.platform.outbox.Outbox;
import io.depotops.platform.outbox.OutboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Commands on depotops.commands, key chargepoint.<id>, through the outbox (in order per charger). */
@ApplicationScoped
class OutboxCommandDispatcher implements CommandDispatcher {

    /** The names of {@link ChargerCommandV1.Command}, so core accepts what the contract has. */
    static final Set<String> COMMANDS =
            Arrays.stream(ChargerCommandV1.Command.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final Outbox outbox;
    private final ObjectMapper json;

    OutboxCommandDispatcher(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public Set<String> commands() {
        return COMMANDS;
    }

    @Override
    public void dispatch(ChargerCommand command) {
        ChargerCommandV1 message = new ChargerCommandV1(
                command.id().toString(),
                command.chargePointId(),
                command.workspaceId().toString(),
                ChargerCommandV1.Command.valueOf(command.command()),
                command.parameters(),
                command.requestedAt(),
                command.deadline());
        try {
            outbox.append(new OutboxMessage(
                    command.id().toString(),
                    "charger-command",
                    command.chargePointId(),
                    Exchanges.COMMANDS,
                    RoutingKeys.chargePoint(command.chargePointId()),
                    "application/json",
                    json.writeValueAsBytes(message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("command " + command.id() + " could not be written", e);
        }
    }
}
