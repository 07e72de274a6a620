package org.medcoord.core.document.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.DocumentGap;
import org.medcoord.api.document.DocumentStatus;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.OutstandingDocument;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * Whether a patient's paperwork is in order for a service at a time: the one judgement the
 * booking rule, the check-in guard, {@code outstanding} and the worklist share.
 */
final class PaperworkCheck {
    private PaperworkCheck() {
    }

    /**
     * The required documents that will not count at {@code at}.
     *
     * @param tx the transaction
     * @param patient the patient
     * @param service the service
     * @param at when they must count (the visit start, or the check-in time)
     * @param now the current time
     * @return the outstanding documents, in requirement order
     */
    static List<OutstandingDocument> outstanding(StorageTransaction tx, PatientId patient, ServiceTypeId service,
                                                 Instant at, Instant now) {
        List<DocumentTypeId> required = required(tx, service);
        if (required.isEmpty()) {
            return List.of();
        }
        return outstanding(required, tx.documents().forPatient(patient), at, now);
    }

    /**
     * The document types a service requires, in requirement order.
     *
     * @param tx the transaction
     * @param service the service
     * @return the types, empty when the service requires none
     */
    static List<DocumentTypeId> required(StorageTransaction tx, ServiceTypeId service) {
        return tx.documents().requirement(service).map(r -> r.documents()).orElse(List.of());
    }

    /**
     * The required documents that will not count at {@code at}, judged from documents already read.
     *
     * @param required the required types
     * @param documents all the patient's documents
     * @param at when they must count
     * @param now the current time
     * @return the outstanding documents, in requirement order
     */
    static List<OutstandingDocument> outstanding(List<DocumentTypeId> required, List<PatientDocument> documents,
                                                 Instant at, Instant now) {
        List<OutstandingDocument> outstanding = new ArrayList<>();
        for (DocumentTypeId type : required) {
            judge(type, documents, at, now).ifPresent(outstanding::add);
        }
        return outstanding;
    }

    private static Optional<OutstandingDocument> judge(DocumentTypeId type, List<PatientDocument> documents, Instant at,
                                                       Instant now) {
        PatientDocument latest = null;
        boolean validNow = false;
        for (PatientDocument d : documents) {
            if (!d.type().equals(type)) {
                continue;
            }
            if (d.validAt(at) && d.validAt(now)) {
                return Optional.empty();
            }
            validNow |= d.validAt(now);
            latest = d;
        }
        if (latest == null) {
            return Optional.of(new OutstandingDocument(type, DocumentGap.NOT_REQUESTED, Optional.empty()));
        }
        DocumentGap gap;
        if (validNow) {
            gap = DocumentGap.EXPIRES_BEFORE_VISIT;
        } else {
            DocumentStatus status = latest.statusAt(now);
            gap = switch (status) {
                case REQUESTED, SENT -> DocumentGap.PENDING;
                case REVOKED -> DocumentGap.REVOKED;
                case EXPIRED, COMPLETED -> DocumentGap.EXPIRED;
            };
        }
        return Optional.of(new OutstandingDocument(type, gap, Optional.of(latest.id())));
    }

    /**
     * A known document type: one defined in the store, else a well-known one.
     *
     * @param tx the transaction
     * @param id the type id
     * @return the type
     * @throws NotFoundException when it is neither
     */
    static DocumentType type(StorageTransaction tx, DocumentTypeId id) {
        Optional<DocumentType> defined = tx.documents().findType(id);
        if (defined.isPresent()) {
            return defined.get();
        }
        return DocumentType.wellKnown().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("document type", id.value()));
    }
}
