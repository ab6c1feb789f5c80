package io.depotops.contracts.registry;

/**
 * Data of {@code core.registry.changed.v1}: the registry feed reached {@code seq}. It carries no
 * secret and no entry: a reader pulls the changes after the sequence it applied (a sequence it has
 * not seen before {@code seq} means it missed one, which the pull also repairs).
 */
public record RegistryChangedV1(long seq) {}
