package org.medcoord.core.document.internal;

import java.util.List;
import java.util.Locale;
import org.medcoord.api.appointment.RuleFinding;
import org.medcoord.api.document.OutstandingDocument;
import org.medcoord.spi.rule.BookingAttempt;
import org.medcoord.spi.rule.BookingRule;
import org.medcoord.spi.rule.RuleContext;

/**
 * Warns, never refuses, when a document the service requires will not count at the visit:
 * not requested, pending, expired, revoked, or expiring before the start. One warning per
 * document type, coded {@code paperwork-<gap>}, for example {@code paperwork-not-requested}.
 */
public final class PaperworkRule implements BookingRule {
    /** The rule id. */
    public static final String ID = "paperwork";

    /** Creates the rule. */
    public PaperworkRule() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<RuleFinding> evaluate(BookingAttempt attempt, RuleContext context) {
        List<OutstandingDocument> outstanding = PaperworkCheck.outstanding(context.transaction(), attempt.patient(),
                attempt.service().id(), attempt.start(), context.now());
        return outstanding.stream().map(o -> {
            String gap = o.gap().name().toLowerCase(Locale.ROOT).replace('_', '-');
            return RuleFinding.warning(ID, "paperwork-" + gap, "service " + attempt.service().id() + " requires document "
                    + "type " + o.type() + " for patient " + attempt.patient() + ": " + gap);
        }).toList();
    }
}
