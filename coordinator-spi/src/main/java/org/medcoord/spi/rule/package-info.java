/**
 * Booking rules: the pluggable chain every booking, confirmation and reschedule passes.
 *
 * @since 0.1
 */
package org.medcoord.spi.rule;
