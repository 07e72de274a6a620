package org.medcoord.adapter.jdbc.internal;

/**
 * The schema-qualified names of MedCoord's tables. Statements name the schema themselves rather
 * than rely on a search path, so pooled connections need no session state. The schema is created
 * quoted (lower case) by the migrations; table names are unquoted in both.
 *
 * @param schema the quoted schema, for example {@code "medcoord"}
 */
record Tables(String schema) {
    static Tables in(String schemaName) {
        return new Tables('"' + schemaName + '"');
    }

    String resources() {
        return schema + ".resources";
    }

    String serviceTypes() {
        return schema + ".service_types";
    }

    String weeklyTemplates() {
        return schema + ".weekly_templates";
    }

    String unavailability() {
        return schema + ".unavailability";
    }

    String appointments() {
        return schema + ".appointments";
    }

    String appointmentResources() {
        return schema + ".appointment_resources";
    }

    String claims() {
        return schema + ".claims";
    }

    String holds() {
        return schema + ".holds";
    }

    String idempotencyKeys() {
        return schema + ".idempotency_keys";
    }

    String waitlistEntries() {
        return schema + ".waitlist_entries";
    }

    String outbox() {
        return schema + ".outbox";
    }

    String scheduleVersion() {
        return schema + ".schedule_version";
    }

    String scheduleVersions() {
        return schema + ".schedule_versions";
    }

    String auditRecords() {
        return schema + ".audit_records";
    }

    String documentTypes() {
        return schema + ".document_types";
    }

    String documentRequirements() {
        return schema + ".document_requirements";
    }

    String patientDocuments() {
        return schema + ".patient_documents";
    }

    String questionnaireResponses() {
        return schema + ".questionnaire_responses";
    }

    String questionnaires() {
        return schema + ".questionnaires";
    }
}
