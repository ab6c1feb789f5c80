/** What manage-incidents sends to the webhooks of notification channels. */
package io.depotops.contracts.notifications;
