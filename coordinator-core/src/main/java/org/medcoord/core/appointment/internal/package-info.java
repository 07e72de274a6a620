/**
 * Internal: not API. Booking, lifecycle, series, wait list and the built-in booking rules; may
 * change without notice.
 */
package org.medcoord.core.appointment.internal;
