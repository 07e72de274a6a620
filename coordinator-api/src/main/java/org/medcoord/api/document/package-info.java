/**
 * Consents and intake paperwork: document types with validity periods, the documents each
 * service requires, each patient's documents through their lifecycle (requested, sent,
 * completed, expired, revoked), questionnaire answers shaped like FHIR
 * {@code QuestionnaireResponse}, and the worklist of appointments with paperwork outstanding.
 *
 * <p>Reached through {@code CoordinatorSession.documents()}. Free-text answers are kept but
 * never appear in log lines, exception messages or {@code toString()}.
 *
 * @since 0.1
 */
package org.medcoord.api.document;
