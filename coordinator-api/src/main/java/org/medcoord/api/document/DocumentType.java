package org.medcoord.api.document;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.common.Violations;

/**
 * A kind of document and how long a completed one stays valid. The well-known types below are
 * always available; a host may define more, or redefine a well-known one with another validity,
 * through {@link Paperwork#defineType(DocumentType)}.
 *
 * @param id the id
 * @param kind what it is
 * @param validity how long a completed document stays valid, counted from completion; empty
 *     when it stays valid until revoked. At most {@link #MAX_VALIDITY}.
 * @since 0.1
 */
public record DocumentType(DocumentTypeId id, DocumentKind kind, Optional<Duration> validity) {
    /** The longest validity accepted: ten years. */
    public static final Duration MAX_VALIDITY = Duration.ofDays(3653);

    /** Acknowledgement of the HIPAA notice of privacy practices; valid until revoked. */
    public static final DocumentType HIPAA_NOTICE = new DocumentType(DocumentTypeId.of("hipaa-notice-acknowledgement"),
            DocumentKind.ACKNOWLEDGEMENT, Optional.empty());
    /** The intake questionnaire; valid for a year. */
    public static final DocumentType INTAKE_QUESTIONNAIRE = new DocumentType(DocumentTypeId.of("intake-questionnaire"),
            DocumentKind.QUESTIONNAIRE, Optional.of(Duration.ofDays(365)));
    /** The MRI safety screening (implants, devices, metal); valid for 30 days. */
    public static final DocumentType MRI_SAFETY_SCREENING = new DocumentType(DocumentTypeId.of("mri-safety-screening"),
            DocumentKind.SCREENING, Optional.of(Duration.ofDays(30)));
    /** Consent to imaging (and contrast where used); valid for a year. */
    public static final DocumentType IMAGING_CONSENT = new DocumentType(DocumentTypeId.of("imaging-consent"),
            DocumentKind.CONSENT, Optional.of(Duration.ofDays(365)));
    /** Consent to take part in a research study; valid until revoked. */
    public static final DocumentType STUDY_CONSENT = new DocumentType(DocumentTypeId.of("study-consent"),
            DocumentKind.CONSENT, Optional.empty());

    /**
     * Validates the parts.
     *
     * @param id the id
     * @param kind the kind
     * @param validity the validity
     */
    public DocumentType {
        Violations v = new Violations();
        v.notNull(id, "id");
        v.notNull(kind, "kind");
        if (v.notNull(validity, "validity") && validity.isPresent()) {
            Duration d = validity.get();
            v.require(!d.isNegative() && !d.isZero(), "validity", "must be positive");
            v.require(d.compareTo(MAX_VALIDITY) <= 0, "validity", "must be at most " + MAX_VALIDITY.toDays() + " days");
        }
        v.throwIfAny();
    }

    /**
     * A type whose completed documents stay valid for a while.
     *
     * @param id the id
     * @param kind the kind
     * @param validity how long, from completion
     * @return the type
     */
    public static DocumentType of(String id, DocumentKind kind, Duration validity) {
        return new DocumentType(DocumentTypeId.of(id), kind, Optional.ofNullable(validity));
    }

    /**
     * A type whose completed documents stay valid until revoked.
     *
     * @param id the id
     * @param kind the kind
     * @return the type
     */
    public static DocumentType untilRevoked(String id, DocumentKind kind) {
        return new DocumentType(DocumentTypeId.of(id), kind, Optional.empty());
    }

    /**
     * The well-known types, always available.
     *
     * @return the HIPAA notice acknowledgement, intake questionnaire, MRI safety screening,
     *     imaging consent and study consent
     */
    public static List<DocumentType> wellKnown() {
        return List.of(HIPAA_NOTICE, INTAKE_QUESTIONNAIRE, MRI_SAFETY_SCREENING, IMAGING_CONSENT, STUDY_CONSENT);
    }
}
