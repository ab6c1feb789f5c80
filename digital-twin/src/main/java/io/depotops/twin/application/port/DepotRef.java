package io.depotops.twin.application.port;

/** A depot by its workspace and id. */
public record DepotRef(String workspaceId, String depotId) {}
