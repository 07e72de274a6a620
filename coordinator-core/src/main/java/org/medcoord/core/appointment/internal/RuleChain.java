package org.medcoord.core.appointment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.medcoord.api.appointment.BookingRefusedException;
import org.medcoord.api.appointment.RuleFinding;
import org.medcoord.spi.rule.BookingAttempt;
import org.medcoord.spi.rule.BookingRule;
import org.medcoord.spi.rule.RuleContext;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * Runs every booking rule on an attempt: built-in rules first, then plugin rules in registration
 * order. Every rule runs, so a refusal lists all findings at once.
 */
public final class RuleChain {
    private final List<BookingRule> rules;

    /**
     * Creates the chain.
     *
     * @param rules the rules in order
     */
    public RuleChain(List<BookingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Judges an attempt.
     *
     * @param attempt the attempt
     * @param tx the transaction the booking runs in
     * @param now the current time
     * @return the warnings, when nothing was rejected
     * @throws BookingRefusedException when any rule rejects
     */
    public List<RuleFinding> check(BookingAttempt attempt, StorageTransaction tx, Instant now) {
        RuleContext context = new RuleContext() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public StorageTransaction transaction() {
                return tx;
            }
        };
        List<RuleFinding> findings = new ArrayList<>();
        for (BookingRule rule : rules) {
            findings.addAll(rule.evaluate(attempt, context));
        }
        if (findings.stream().anyMatch(f -> f.severity() == RuleFinding.Severity.REJECTION)) {
            throw new BookingRefusedException(findings);
        }
        return findings;
    }

    /**
     * The ids of the rules, in order.
     *
     * @return the ids
     */
    public List<String> ids() {
        return rules.stream().map(BookingRule::id).toList();
    }
}
