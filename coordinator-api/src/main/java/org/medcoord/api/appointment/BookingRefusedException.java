package org.medcoord.api.appointment;

import java.util.List;
import java.util.stream.Collectors;
import org.medcoord.api.common.ConflictException;

/**
 * A booking rule refused the booking (too little notice, beyond the horizon, a rule a plugin
 * added). Lists every finding, rejections and warnings.
 *
 * @since 0.1
 */
public class BookingRefusedException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final transient List<RuleFinding> findings;

    /**
     * Creates the exception.
     *
     * @param findings what the rules found; at least one rejection
     */
    public BookingRefusedException(List<RuleFinding> findings) {
        super(findings.stream().filter(f -> f.severity() == RuleFinding.Severity.REJECTION).map(RuleFinding::code)
                        .findFirst().orElse("booking-refused"),
                "booking refused: " + findings.stream().filter(f -> f.severity() == RuleFinding.Severity.REJECTION)
                        .map(f -> f.rule() + "/" + f.code()).collect(Collectors.joining(", ")));
        this.findings = List.copyOf(findings);
    }

    /**
     * What the rules found.
     *
     * @return the findings
     */
    public List<RuleFinding> findings() {
        return findings;
    }
}
