package org.medcoord.spi.rule;

import java.util.List;
import org.medcoord.api.appointment.RuleFinding;

/**
 * One link of the booking rule chain. Every rule sees every attempt; warnings are collected and
 * returned with the booking, and any rejection refuses it with every finding listed.
 *
 * <p><b>Implementation requirements.</b> Thread safe and side-effect free: a rule runs inside
 * the booking's transaction and may run again when a booking is retried. Return an empty list
 * when there is nothing to say. Findings name ids and codes, never patient data.
 *
 * @since 0.1
 */
public interface BookingRule {
    /**
     * A stable id, for example {@code minimum-notice}.
     *
     * @return the id
     */
    String id();

    /**
     * Judges an attempt.
     *
     * @param attempt the attempt
     * @param context the clock and the transaction
     * @return the findings, empty when none
     */
    List<RuleFinding> evaluate(BookingAttempt attempt, RuleContext context);
}
