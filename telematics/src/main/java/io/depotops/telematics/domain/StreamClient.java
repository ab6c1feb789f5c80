package io.depotops.telematics.domain;

/** Who is streaming: a provider's connection on behalf of one workspace. */
public record StreamClient(String name, String provider, String workspaceId) {}
