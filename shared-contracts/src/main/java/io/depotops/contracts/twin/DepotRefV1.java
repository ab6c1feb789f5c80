package io.depotops.contracts.twin;

/** A depot by its workspace and id. */
public record DepotRefV1(String workspaceId, String depotId) {}
