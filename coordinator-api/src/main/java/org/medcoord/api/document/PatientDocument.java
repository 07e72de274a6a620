package org.medcoord.api.document;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.common.PatientId;

/**
 * One document of one patient and its lifecycle. Answers to a questionnaire are kept apart, see
 * {@link Paperwork#response(DocumentId)}.
 *
 * <p>The stored {@code status} is never {@link DocumentStatus#EXPIRED}: expiry follows from the
 * clock. {@link #statusAt(Instant)} gives the status at a time, and the documents that
 * {@link Paperwork} returns already carry their status as of the coordinator's clock.
 *
 * @param id the id
 * @param patient the patient
 * @param type the document type
 * @param status the status
 * @param requestedAt when it was requested
 * @param sentAt when it was sent, if it was
 * @param completedAt when it was completed, if it was
 * @param expiresAt when a completed document stops being valid; empty when it stays valid until
 *     revoked, or is not completed
 * @param revokedAt when it was revoked, if it was
 * @param revocationReason the reason code of a revocation, if any
 * @param version increases with every change; used for optimistic concurrency by adapters
 * @since 0.1
 */
public record PatientDocument(DocumentId id, PatientId patient, DocumentTypeId type, DocumentStatus status,
                              Instant requestedAt, Optional<Instant> sentAt, Optional<Instant> completedAt,
                              Optional<Instant> expiresAt, Optional<Instant> revokedAt,
                              Optional<String> revocationReason, long version) {
    /**
     * Checks the parts are present.
     *
     * @param id the id
     * @param patient the patient
     * @param type the type
     * @param status the status
     * @param requestedAt when requested
     * @param sentAt when sent
     * @param completedAt when completed
     * @param expiresAt when it expires
     * @param revokedAt when revoked
     * @param revocationReason the revocation reason code
     * @param version the version
     */
    public PatientDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
        Objects.requireNonNull(revocationReason, "revocationReason");
    }

    /**
     * A newly requested document, version 1.
     *
     * @param id the id
     * @param patient the patient
     * @param type the type
     * @param at when it was requested
     * @return the document
     */
    public static PatientDocument requested(DocumentId id, PatientId patient, DocumentTypeId type, Instant at) {
        return new PatientDocument(id, patient, type, DocumentStatus.REQUESTED, at, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 1);
    }

    /**
     * The status at a time: a completed document whose validity has run out by then is expired,
     * and before that completed (also when this copy already says expired).
     *
     * @param at the time
     * @return the status then
     */
    public DocumentStatus statusAt(Instant at) {
        boolean completed = status == DocumentStatus.COMPLETED || status == DocumentStatus.EXPIRED;
        if (completed && expiresAt.isPresent()) {
            return at.isBefore(expiresAt.get()) ? DocumentStatus.COMPLETED : DocumentStatus.EXPIRED;
        }
        return status;
    }

    /**
     * Whether the document counts at a time: completed, not expired and not revoked.
     *
     * @param at the time
     * @return {@code true} when valid then
     */
    public boolean validAt(Instant at) {
        return statusAt(at) == DocumentStatus.COMPLETED;
    }

    /**
     * This document with its status as of a time.
     *
     * @param at the time
     * @return this, or a copy whose status is expired
     */
    public PatientDocument asOf(Instant at) {
        DocumentStatus now = statusAt(at);
        return now == status ? this : new PatientDocument(id, patient, type, now, requestedAt, sentAt, completedAt,
                expiresAt, revokedAt, revocationReason, version);
    }
}
