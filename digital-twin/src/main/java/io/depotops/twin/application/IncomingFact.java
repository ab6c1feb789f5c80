package io.depotops.twin.application;

import io.depotops.twin.domain.model.Fact;

/** A fact with the id of the event that carried it (the inbox key). */
public record IncomingFact(String eventId, Fact fact) {}
