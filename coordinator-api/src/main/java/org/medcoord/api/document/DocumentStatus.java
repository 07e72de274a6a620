package org.medcoord.api.document;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a patient's document is in its life: requested, sent to the patient, completed (signed
 * or answered), then expired when its validity runs out, or revoked.
 *
 * <p>Transitions only move forward: requested to sent, completed or revoked; sent to completed
 * or revoked; completed to revoked (at once) or expired (by time only, never by a call).
 * Expired and revoked are final: a new document is requested instead.
 *
 * @since 0.1
 */
public enum DocumentStatus {
    /** Asked for; not yet given to the patient. */
    REQUESTED("requested"),
    /** Given or sent to the patient (portal, e-mail, paper at the desk). */
    SENT("sent"),
    /** Signed or answered, and valid. */
    COMPLETED("completed"),
    /** Completed once, but its validity has run out. */
    EXPIRED("expired"),
    /** Withdrawn: a revoked consent stops counting at once. */
    REVOKED("revoked");

    private final String code;

    DocumentStatus(String code) {
        this.code = code;
    }

    /**
     * The status code.
     *
     * @return for example {@code completed}
     */
    public String code() {
        return code;
    }

    /**
     * Whether the document's life has ended.
     *
     * @return {@code true} for expired and revoked
     */
    public boolean isFinal() {
        return this == EXPIRED || this == REVOKED;
    }

    /**
     * The statuses a document in this status may move to.
     *
     * @return the allowed targets; empty for final statuses
     */
    public Set<DocumentStatus> forwardTargets() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(SENT, COMPLETED, REVOKED);
            case SENT -> EnumSet.of(COMPLETED, REVOKED);
            case COMPLETED -> EnumSet.of(EXPIRED, REVOKED);
            case EXPIRED, REVOKED -> EnumSet.noneOf(DocumentStatus.class);
        };
    }

    /**
     * Whether a move to {@code target} is allowed.
     *
     * @param target the wanted status
     * @return {@code true} when it moves forward
     */
    public boolean canMoveTo(DocumentStatus target) {
        return forwardTargets().contains(target);
    }
}
