package io.depotops.core.domain;

/**
 * Where a workspace's telematics come from: polled by core, streamed through the telematics service
 * (core stops polling), or neither for now.
 */
public enum PollCutover {
    POLLING,
    STREAMING,
    PAUSED
}
