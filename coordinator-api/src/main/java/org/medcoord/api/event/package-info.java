/**
 * Domain events: what happened (booked, cancelled, rescheduled, status changed, wait-list
 * offered), written to the outbox in the transaction that caused it and delivered at least once.
 *
 * @since 0.1
 */
package org.medcoord.api.event;
