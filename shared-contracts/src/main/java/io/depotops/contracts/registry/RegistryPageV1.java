package io.depotops.contracts.registry;

import java.util.List;

/**
 * A page of the registry feed: entries in sequence order, and the feed's head (its last sequence)
 * when the page was read. A reader is up to date when its last applied sequence reaches {@code
 * head}; a head below what the reader applied means the feed was rebuilt (read it again from 0).
 */
public record RegistryPageV1(List<RegistryEntryV1> entries, long head) {}
