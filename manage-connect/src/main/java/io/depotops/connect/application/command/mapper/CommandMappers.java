package io.depotops.connect.application.command.mapper;

import io.depotops.connect.domain.ChargerCommand;
import io.depotops.connect.domain.OcppVersion;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Maps a command to the OCPP call of a charger's version with the {@link CommandMapper} of its
 * type. Connect does not start unless every command type has exactly one mapper.
 */
@Startup
@ApplicationScoped
public class CommandMappers {

    private final Map<ChargerCommand.Type, CommandMapper> byType = new EnumMap<>(ChargerCommand.Type.class);

    @Inject
    public CommandMappers(Instance<CommandMapper> all) {
        this((Iterable<CommandMapper>) all);
    }

    public CommandMappers(Iterable<? extends CommandMapper> all) {
        for (CommandMapper mapper : all) {
            CommandMapper earlier = byType.putIfAbsent(mapper.type(), mapper);
            if (earlier != null) {
                throw new IllegalStateException(mapper.type() + " has two mappers: "
                        + earlier.getClass().getSimpleName() + " and "
                        + mapper.getClass().getSimpleName());
            }
        }
        Set<ChargerCommand.Type> unmapped = EnumSet.allOf(ChargerCommand.Type.class);
        unmapped.removeAll(byType.keySet());
        if (!unmapped.isEmpty()) {
            throw new IllegalStateException("commands without a mapper: " + unmapped);
        }
    }

    /** The OCPP call of {@code command} for a charger of {@code version}. */
    public OcppCall map(ChargerCommand command, OcppVersion version) {
        CommandMapper mapper = byType.get(command.type());
        return switch (version) {
            case V16 -> mapper.to16(command);
            case V201 -> mapper.to201(command);
        };
    }
}
