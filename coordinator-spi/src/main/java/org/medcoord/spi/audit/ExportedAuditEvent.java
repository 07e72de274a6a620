package org.medcoord.spi.audit;

import java.util.Objects;

/**
 * A sealed audit event and its FHIR R4 {@code AuditEvent} resource in JSON.
 *
 * @param event the event as sealed into the chain
 * @param fhirJson the FHIR R4 {@code AuditEvent} as JSON, shaped after IHE Basic Audit Log
 *     Patterns; carries ids and codes only
 * @since 0.1
 */
public record ExportedAuditEvent(ChainedEvent event, String fhirJson) {
    /**
     * Checks the parts are present.
     *
     * @param event the event
     * @param fhirJson the JSON
     */
    public ExportedAuditEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(fhirJson, "fhirJson");
    }
}
