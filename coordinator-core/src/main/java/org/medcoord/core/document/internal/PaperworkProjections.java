package org.medcoord.core.document.internal;

import org.medcoord.api.document.DocumentRequirement;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.OutstandingDocument;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.WorklistEntry;
import org.medcoord.core.access.internal.Projections;

/** What callers may see of the paperwork feature's results. Not API. */
public final class PaperworkProjections {
    private PaperworkProjections() {
    }

    /**
     * Declares the paperwork result types. Document types, questionnaires and requirements are
     * reference data without patient data. A patient's documents, their questionnaire responses
     * and what is outstanding are the document category itself: the call's document permission is
     * the whole of the rule, so they are shown as they are to a caller granted it. The worklist is
     * built from the caller's visible appointments only.
     *
     * @param projections the builder
     */
    public static void declare(Projections.Builder projections) {
        projections.asIs(DocumentType.class, Questionnaire.class, DocumentRequirement.class);
        projections.asIs(PatientDocument.class, QuestionnaireResponse.class, OutstandingDocument.class,
                WorklistEntry.class);
    }
}
