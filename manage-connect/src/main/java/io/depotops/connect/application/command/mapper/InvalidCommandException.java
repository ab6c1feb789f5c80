package io.depotops.connect.application.command.mapper;

/** The command cannot be sent to this charger (e.g. a transaction id that cannot be mapped). */
public final class InvalidCommandException extends RuntimeException {

    InvalidCommandException(String message) {
        super(message);
    }
}
