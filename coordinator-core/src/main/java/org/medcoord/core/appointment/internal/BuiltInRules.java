package org.medcoord.core.appointment.internal;

import java.time.Instant;
import java.util.List;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.RuleFinding;
import org.medcoord.spi.rule.BookingAttempt;
import org.medcoord.spi.rule.BookingRule;
import org.medcoord.spi.rule.RuleContext;

/**
 * The rules every coordinator runs first: minimum notice, maximum horizon, and no patient
 * double-booking. Resource conflicts are not a rule: the claim store refuses them.
 */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    /**
     * The built-in rules in the order they run.
     *
     * @return the rules
     */
    public static List<BookingRule> all() {
        return List.of(new MinimumNotice(), new MaximumHorizon(), new PatientOverlap());
    }

    /** Refuses visits that start sooner than the service's minimum notice (or in the past). */
    static final class MinimumNotice implements BookingRule {
        @Override
        public String id() {
            return "minimum-notice";
        }

        @Override
        public List<RuleFinding> evaluate(BookingAttempt attempt, RuleContext context) {
            Instant earliest = context.now().plus(attempt.service().minimumNotice());
            if (attempt.start().isBefore(earliest)) {
                return List.of(RuleFinding.rejection(id(), "minimum-notice",
                        "service " + attempt.service().id() + " must be booked at least "
                                + attempt.service().minimumNotice() + " ahead"));
            }
            return List.of();
        }
    }

    /** Refuses visits further ahead than the service's booking horizon. */
    static final class MaximumHorizon implements BookingRule {
        @Override
        public String id() {
            return "maximum-horizon";
        }

        @Override
        public List<RuleFinding> evaluate(BookingAttempt attempt, RuleContext context) {
            Instant latest = context.now().plus(attempt.service().maximumHorizon());
            if (attempt.start().isAfter(latest)) {
                return List.of(RuleFinding.rejection(id(), "maximum-horizon",
                        "service " + attempt.service().id() + " may be booked at most "
                                + attempt.service().maximumHorizon() + " ahead"));
            }
            return List.of();
        }
    }

    /** Refuses a visit that overlaps another of the same patient's booked visits. */
    static final class PatientOverlap implements BookingRule {
        @Override
        public String id() {
            return "patient-overlap";
        }

        @Override
        public List<RuleFinding> evaluate(BookingAttempt attempt, RuleContext context) {
            for (Appointment other : context.transaction().appointments()
                    .forPatient(attempt.patient(), attempt.start(), attempt.end())) {
                boolean self = attempt.existing().map(other.id()::equals).orElse(false);
                if (!self && other.status().claimsResources()
                        && other.start().isBefore(attempt.end()) && attempt.start().isBefore(other.end())) {
                    return List.of(RuleFinding.rejection(id(), "patient-double-booked",
                            "patient already has appointment " + other.id() + " at that time"));
                }
            }
            return List.of();
        }
    }
}
