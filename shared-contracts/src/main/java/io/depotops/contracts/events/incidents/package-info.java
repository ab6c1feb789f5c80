/**
 * The {@code data} of the events manage-incidents publishes about its incidents, one record per
 * event type and version; the CloudEvent's subject is the incident id, its {@code workspaceid} the
 * incident's workspace. Times are ISO-8601 UTC; {@code severity} is {@code CRITICAL}, {@code
 * MAJOR}, {@code MINOR}, {@code WARNING} or {@code INFO}. Readers are tolerant: unknown members are
 * ignored.
 */
package io.depotops.contracts.events.incidents;
