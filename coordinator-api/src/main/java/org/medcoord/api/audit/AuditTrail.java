package org.medcoord.api.audit;

import java.time.Instant;
import java.util.List;
import org.medcoord.api.access.UserId;
import org.medcoord.api.common.Feature;
import org.medcoord.api.common.PatientId;

/**
 * The tamper-evident audit trail, for privacy officers: verification of the hash chain and the
 * compliance queries. Every method first seals the records appended so far into the chain, so
 * that what it reports includes them. Each call is itself access to patient data: it needs the
 * {@link org.medcoord.api.access.Role#PRIVACY_OFFICER privacy officer} role (any other caller gets
 * an {@link org.medcoord.api.common.AccessDeniedException}) and is audited like any other call.
 *
 * <p>Periods are half open: from inclusive, to exclusive. Results are in chain order.
 *
 * @since 0.1
 */
public interface AuditTrail {
    /** The audit trail. Every coordinator runs it: every call is audited. */
    Feature FEATURE = new Feature("audit");

    /**
     * Seals pending records, then verifies the whole trail: every sealed event, every stored
     * checkpoint oldest to newest (its signature, the chain of checkpoints, the chain's hash at its
     * sequence) and the store against each checkpoint witness. Each kind of tampering is named with
     * its sequence numbers (see {@link ChainFinding}). Only when nothing points to tampering is a new
     * checkpoint of the verified head signed and handed to the witnesses; it is evidence for later
     * verifications, never for this one.
     *
     * @return the report
     */
    AuditVerification verify();

    /**
     * Who accessed a patient's data: every audited call about the patient, whatever its outcome
     * (denied attempts included).
     *
     * @param patient the patient
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the entries
     */
    List<AuditEntry> accessesTo(PatientId patient, Instant from, Instant to);

    /**
     * Everything a user did, whatever its outcome.
     *
     * @param user the user
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the entries
     */
    List<AuditEntry> actionsBy(UserId user, Instant from, Instant to);

    /**
     * Every call made under the emergency (break-the-glass) purpose, whatever its outcome.
     *
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the entries
     */
    List<AuditEntry> breakGlassAccesses(Instant from, Instant to);

    /**
     * An accounting of disclosures of a patient's data (after HIPAA 45 CFR 164.528): successful
     * calls about the patient whose purpose is neither treatment, payment, operations nor the
     * patient's own request, that is research and emergency (break-the-glass) access. Denied
     * and failed calls disclosed nothing and are left out.
     *
     * @param patient the patient
     * @param from the start, inclusive
     * @param to the end, exclusive
     * @return the entries
     */
    List<AuditEntry> disclosures(PatientId patient, Instant from, Instant to);
}
