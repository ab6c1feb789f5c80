package io.depotops.connect.application.command.mapper;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A command mapped to an OCPP call of the charger's version. */
public record OcppCall(String action, ObjectNode payload) {}
