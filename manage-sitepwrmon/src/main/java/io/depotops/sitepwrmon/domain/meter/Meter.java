package io.depotops.sitepwrmon.domain.meter;

import java.time.Instant;
import java.util.UUID;

/**
 * A meter measuring one node of a site's tree (a node has at most one meter). {@code meterId} is the
 * workspace's name for it, as gateways send it. Status: when a reading last arrived, since when it
 * is silent, and the last fault of its polling (Modbus), each {@code null} when none.
 */
public record Meter(
        UUID workspaceId,
        String meterId,
        UUID nodeId,
        MeterProtocol protocol,
        ModbusEndpoint modbus,
        int silentAfterSeconds,
        Instant lastSeenAt,
        Instant silentSince,
        String fault,
        Instant faultAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {}
