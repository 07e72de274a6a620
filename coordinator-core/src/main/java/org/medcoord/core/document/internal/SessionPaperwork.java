package org.medcoord.core.document.internal;

import java.util.List;
import java.util.Optional;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.DocumentCompletion;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentRequest;
import org.medcoord.api.document.DocumentRequirement;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.OutstandingDocument;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Paperwork;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.WorklistEntry;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.core.access.internal.CallContext;

/**
 * {@link Paperwork} for one caller: every call goes to the shared {@link PaperworkService} with
 * the caller's context.
 */
public final class SessionPaperwork implements Paperwork {
    private final PaperworkService service;
    private final CallContext ctx;

    /**
     * Creates the facade.
     *
     * @param service the shared service
     * @param ctx the caller
     */
    public SessionPaperwork(PaperworkService service, CallContext ctx) {
        this.service = service;
        this.ctx = ctx;
    }

    @Override
    public DocumentType defineType(DocumentType type) {
        return service.defineType(ctx, type);
    }

    @Override
    public Questionnaire defineQuestionnaire(Questionnaire questionnaire) {
        return service.defineQuestionnaire(ctx, questionnaire);
    }

    @Override
    public Optional<Questionnaire> questionnaire(DocumentTypeId type) {
        return service.questionnaire(ctx, type);
    }

    @Override
    public List<DocumentType> types() {
        return service.types(ctx);
    }

    @Override
    public DocumentRequirement require(ServiceTypeId serviceType, DocumentTypeId... documents) {
        return service.require(ctx, serviceType, documents);
    }

    @Override
    public DocumentRequirement requirement(ServiceTypeId serviceType) {
        return service.requirement(ctx, serviceType);
    }

    @Override
    public PatientDocument request(DocumentRequest command) {
        return service.request(ctx, command);
    }

    @Override
    public PatientDocument markSent(DocumentId document) {
        return service.markSent(ctx, document);
    }

    @Override
    public PatientDocument complete(DocumentCompletion command) {
        return service.complete(ctx, command);
    }

    @Override
    public PatientDocument revoke(DocumentId document, String reasonCode) {
        return service.revoke(ctx, document, reasonCode);
    }

    @Override
    public PatientDocument get(DocumentId document) {
        return service.get(ctx, document);
    }

    @Override
    public Optional<QuestionnaireResponse> response(DocumentId document) {
        return service.response(ctx, document);
    }

    @Override
    public List<PatientDocument> forPatient(PatientId patient) {
        return service.forPatient(ctx, patient);
    }

    @Override
    public List<OutstandingDocument> outstanding(AppointmentId appointment) {
        return service.outstanding(ctx, appointment);
    }

    @Override
    public List<WorklistEntry> worklist(int days) {
        return service.worklist(ctx, days);
    }
}
