package io.depotops.connect.adapter.out.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.depotops.connect.application.command.CommandForwarding;
import io.depotops.connect.domain.ChargerCommand;
import io.depotops.contracts.commands.ChargerCommandV1;
import io.depotops.contracts.messaging.Exchanges;
import io.depotops.contracts.messaging.RoutingKeys;
import io.depotops.platform.messaging.BrokerUnavailableException;
import io.depotops.platform.messaging.ConfirmingPublisher;
import io.depotops.platform.messaging.ConfirmingPublisher.OutgoingMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Forwards an operator's command to the instance holding the charger: {@link ChargerCommandV1} on
 * {@code depotops.commands} with key {@code chargepoint.<id>}, as core sends them.
 */
@ApplicationScoped
public class AmqpCommandForwarding implements CommandForwarding {

    private final ConfirmingPublisher publisher;
    private final ObjectMapper mapper;

    public AmqpCommandForwarding(ConfirmingPublisher publisher, ObjectMapper mapper) {
        this.publisher = publisher;
        this.mapper = mapper;
    }

    @Override
    public void forward(ChargerCommand command) {
        ChargerCommandV1 message = new ChargerCommandV1(
                command.commandId(),
                command.chargePointId(),
                command.workspaceId(),
                ChargerCommandV1.Command.valueOf(command.type().name()),
                command.parameters(),
                command.requestedAt(),
                command.deadline());
        try {
            publisher.publish(new OutgoingMessage(
                    Exchanges.COMMANDS,
                    RoutingKeys.chargePoint(command.chargePointId()),
                    command.commandId(),
                    "application/json",
                    mapper.writeValueAsBytes(message),
                    Map.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a command", e);
        } catch (BrokerUnavailableException e) {
            throw new IllegalStateException("the broker did not take the command: " + e.getMessage(), e);
        }
    }
}
