/**
 * The {@code data} of the events digital-twin publishes when a projection crosses a target; the
 * CloudEvent's subject is the vehicle id, its {@code workspaceid} the vehicle's workspace. State of
 * charge in percent (0-100), energy in kWh, times ISO-8601 UTC. Readers are tolerant: unknown
 * members are ignored.
 */
package io.depotops.contracts.events.twin;
