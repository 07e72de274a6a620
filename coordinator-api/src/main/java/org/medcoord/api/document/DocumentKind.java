package org.medcoord.api.document;

/**
 * What a document is, which decides whether completing it needs answers.
 *
 * @since 0.1
 */
public enum DocumentKind {
    /** A consent the patient signs, and may revoke. */
    CONSENT,
    /** An acknowledgement the patient signs, such as receipt of the HIPAA privacy notice. */
    ACKNOWLEDGEMENT,
    /** A questionnaire the patient answers; completing it needs answers. */
    QUESTIONNAIRE,
    /** A safety screening the patient answers; completing it needs answers. */
    SCREENING;

    /**
     * Whether completing a document of this kind needs a questionnaire response.
     *
     * @return {@code true} for questionnaires and screenings
     */
    public boolean needsAnswers() {
        return this == QUESTIONNAIRE || this == SCREENING;
    }
}
