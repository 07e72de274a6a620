package org.medcoord.spi.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.common.PatientId;

/**
 * Which sealed audit events a compliance query wants. Every present criterion must hold; an
 * empty set of purposes or outcomes means any.
 *
 * @param patient only events about this patient
 * @param user only events by this user
 * @param purposes only events with one of these purposes; empty for any
 * @param outcomes only events with one of these outcomes; empty for any
 * @param from events recorded at or after this instant
 * @param to events recorded before this instant
 * @since 0.1
 */
public record AuditQuery(Optional<PatientId> patient, Optional<UserId> user, Set<Purpose> purposes,
                         Set<AuditOutcome> outcomes, Instant from, Instant to) {
    /**
     * Checks the parts and copies the sets.
     *
     * @param patient the patient
     * @param user the user
     * @param purposes the purposes
     * @param outcomes the outcomes
     * @param from the start, inclusive
     * @param to the end, exclusive
     */
    public AuditQuery {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(user, "user");
        purposes = Set.copyOf(purposes);
        outcomes = Set.copyOf(outcomes);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /**
     * Whether a record meets every criterion; adapters that filter in memory use it, and an
     * adapter that filters otherwise must select exactly the events this accepts.
     *
     * @param event the event
     * @return true when it matches
     */
    public boolean matches(ChainedEvent event) {
        var record = event.record();
        return (patient.isEmpty() || record.patient().equals(patient))
                && (user.isEmpty() || record.user().equals(user.get()))
                && (purposes.isEmpty() || purposes.contains(record.purpose()))
                && (outcomes.isEmpty() || outcomes.contains(record.outcome()))
                && !record.at().isBefore(from) && record.at().isBefore(to);
    }
}
