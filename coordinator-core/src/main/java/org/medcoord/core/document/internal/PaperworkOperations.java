package org.medcoord.core.document.internal;

import java.util.List;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Permission;

/** The operations of the paperwork feature. */
public final class PaperworkOperations {
    /** Requesting a document of a patient. */
    public static final Operation REQUEST = Operation.of("document.request", Permission.WRITE_DOCUMENTS);
    /** Marking a document sent. */
    public static final Operation SEND = Operation.of("document.send", Permission.WRITE_DOCUMENTS);
    /** Completing a document, with its answers. */
    public static final Operation COMPLETE = Operation.of("document.complete", Permission.WRITE_DOCUMENTS);
    /** Revoking a document. */
    public static final Operation REVOKE = Operation.of("document.revoke", Permission.WRITE_DOCUMENTS);
    /** Reading one document. */
    public static final Operation READ = Operation.of("document.read", Permission.READ_DOCUMENTS);
    /** Reading a document's answers. */
    public static final Operation RESPONSE_READ = Operation.of("document.response.read", Permission.READ_DOCUMENTS);
    /** Listing a patient's documents. */
    public static final Operation LIST_PATIENT = Operation.of("document.list-patient", Permission.READ_DOCUMENTS);
    /** What an appointment still needs. */
    public static final Operation OUTSTANDING = Operation.of("document.outstanding", Permission.READ_DOCUMENTS);
    /** The worklist of appointments with paperwork outstanding. */
    public static final Operation WORKLIST = Operation.of("document.worklist", Permission.READ_DOCUMENTS);

    /** Every operation, for the slice. */
    static final List<Operation> ALL = List.of(REQUEST, SEND, COMPLETE, REVOKE, READ, RESPONSE_READ, LIST_PATIENT,
            OUTSTANDING, WORKLIST);

    private PaperworkOperations() {
    }
}
