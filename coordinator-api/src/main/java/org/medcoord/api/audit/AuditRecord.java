package org.medcoord.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.common.PatientId;

/**
 * One audited call: who, on behalf of whom, what, when, where, why and how it ended. Carries
 * ids only, never names or free text.
 *
 * @param at when
 * @param user who
 * @param onBehalfOf for whom, if anyone
 * @param facility where: the facility the user acts for
 * @param node where: the application node that served the call
 * @param purpose why
 * @param action what, for example {@code appointment.book}
 * @param entities ids of the entities touched
 * @param patient the patient concerned, if any
 * @param outcome success, denied or failed
 * @param detailCode a short code for the outcome, for example the conflict code
 * @since 0.1
 */
public record AuditRecord(Instant at, UserId user, Optional<UserId> onBehalfOf, FacilityId facility, NodeId node,
                          Purpose purpose,
                          String action, List<String> entities, Optional<PatientId> patient, AuditOutcome outcome,
                          String detailCode) {
    /**
     * Checks the parts are present and copies the entity list.
     *
     * @param at when
     * @param user who
     * @param onBehalfOf for whom
     * @param facility where
     * @param node the node
     * @param purpose why
     * @param action what
     * @param entities the entity ids
     * @param patient the patient
     * @param outcome the outcome
     * @param detailCode the detail code
     */
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(onBehalfOf, "onBehalfOf");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detailCode, "detailCode");
        entities = List.copyOf(entities);
    }
}
