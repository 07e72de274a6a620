/**
 * Booking and the appointment lifecycle: slot search, holds, booking, confirmation,
 * cancellation, rescheduling, recurring series, the wait list, and the exceptions that carry
 * alternatives when a slot is lost.
 *
 * @since 0.1
 */
package org.medcoord.api.appointment;
