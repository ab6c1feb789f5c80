/**
 * The {@code data} of the events manage-sitepwrmon publishes about the nodes of a site's electrical
 * tree and their meters; the CloudEvent's subject is the node id (the meter id for {@code
 * meter-silent}), its {@code workspaceid} the node's workspace. Power in kW, currents in A per
 * phase (L1, L2, L3), times ISO-8601 UTC. A limit that is not configured is {@code null}. Readers
 * are tolerant: unknown members are ignored.
 */
package io.depotops.contracts.events.sitepwrmon;
