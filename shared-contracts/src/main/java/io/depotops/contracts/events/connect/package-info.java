/**
 * The {@code data} of the charger facts manage-connect publishes, one record per event type and
 * version. Times are ISO-8601 UTC; {@code ocppVersion} is {@code 1.6} or {@code 2.0.1}. Readers are
 * tolerant: unknown members are ignored.
 */
package io.depotops.contracts.events.connect;
