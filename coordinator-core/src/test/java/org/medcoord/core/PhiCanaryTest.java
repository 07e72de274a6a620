package org.medcoord.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medcoord.core.TestClinic.MONDAY_1;
import static org.medcoord.core.TestClinic.at;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.EmergencyAccess;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.appointment.RescheduleCommand;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.Answer;
import org.medcoord.api.document.AnswerType;
import org.medcoord.api.document.DocumentCompletion;
import org.medcoord.api.document.DocumentRequest;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireItem;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.ResponseItem;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.core.json.MedCoordJson;
import org.medcoord.core.testlog.CapturedLogs;
import org.medcoord.spi.storage.OutboxRecord;

/**
 * Runs representative flows with canary patient values (a name, a birth date, a member number and
 * free text) in every place a caller can put them, then scans every log line captured at every
 * level, every exception message (with causes) and every outbox event for them: zero hits.
 */
class PhiCanaryTest {
    private static final String NAME = "Zelda Quagmire";
    private static final String BIRTH_DATE = "1961-04-02";
    private static final String MEMBER = "MBR99817263";
    private static final String FREE_TEXT = "crushing chest pain since breakfast";
    private static final List<String> CANARIES = List.of("Zelda", "Quagmire", BIRTH_DATE, MEMBER, "crushing chest");
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");

    private final List<String> messages = new ArrayList<>();

    @Test
    void no_patient_value_reaches_a_log_line_an_exception_message_or_an_event() {
        int before = CapturedLogs.lines().size();
        List<OutboxRecord> events;
        try (TestClinic clinic = new TestClinic()) {
            CoordinatorSession clinician = clinic.coordinator.session(Actor.of("u-doc", "fac-1", Role.CLINICIAN),
                    Purpose.TREATMENT);
            PatientId patient = PatientId.of("p-canary");
            VisitReason reason = new VisitReason(NAME + ", born " + BIRTH_DATE + ", member " + MEMBER + ": " + FREE_TEXT,
                    List.of("R07.9"));
            BookCommand command = new BookCommand(CONSULT, patient, at(MONDAY_1, "10:00"),
                    List.of(RoleAssignment.of("specialist", "dr-a"), RoleAssignment.of("room", "room-1")),
                    Optional.empty(), Optional.empty()).withReason(reason);
            Appointment booked = clinician.appointments().book(command).appointment();

            capture(() -> clinician.appointments().book(command));
            capture(() -> clinic.desk.appointments().get(booked.id()));
            capture(() -> clinician.appointments().reschedule(RescheduleCommand.to(booked.id(),
                    at(MONDAY_1, "11:00"), "patient-request")));
            capture(() -> clinic.coordinator.session(Actor.of("u-study", "fac-1", Role.CLINICIAN), Purpose.RESEARCH)
                    .appointments().get(booked.id()));
            capture(() -> clinic.coordinator.session(Actor.of("u-far", "fac-2", Role.CLINICIAN), Purpose.TREATMENT)
                    .appointments().get(booked.id()));
            CoordinatorSession glass = clinic.coordinator.breakGlass(Actor.of("u-er", "fac-2", Role.CLINICIAN),
                    EmergencyAccess.of("unconscious-patient", Duration.ofMinutes(5)));
            capture(() -> glass.appointments().get(booked.id()));
            clinic.clock.advance(Duration.ofMinutes(6));
            capture(() -> glass.appointments().get(booked.id()));
            capture(() -> clinician.appointments().cancel(new CancelCommand(booked.id(),
                    CancellationReason.PATIENT_REQUEST)));
            capture(() -> clinician.appointments().cancel(new CancelCommand(booked.id(),
                    CancellationReason.PATIENT_REQUEST)));

            capture(() -> PatientId.of(NAME));
            capture(() -> VisitReason.of(FREE_TEXT, MEMBER + " " + BIRTH_DATE));
            capture(() -> VisitReason.of(NAME + " " + "x".repeat(VisitReason.MAX_TEXT)));
            capture(() -> EmergencyAccess.of(NAME + " collapsed", Duration.ofMinutes(5)));
            capture(() -> clinician.appointments().book(new BookCommand(CONSULT, patient, at(MONDAY_1, "10:07"),
                    List.of(), Optional.empty(), Optional.empty()).withReason(reason)));
            capture(() -> MedCoordJson.read("{\"service\":\"consult\",\"patient\":\"" + NAME + "\",\"start\":\""
                    + BIRTH_DATE + "\",\"resources\":[],\"idempotencyKey\":null,\"override\":null}", BookCommand.class));
            capture(() -> MedCoordJson.read("{\"service\":\"consult\",\"patient\":\"p-1\",\"start\":\""
                    + BIRTH_DATE + "\",\"resources\":[]}", BookCommand.class));
            capture(() -> MedCoordJson.read("{\"text\":\"" + FREE_TEXT + "\",\"diagnosisCodes\":[\"" + MEMBER
                    + " !\"]}", VisitReason.class));
            CoordinatorSession admin = clinic.admin;
            admin.documents().defineQuestionnaire(Questionnaire.of(DocumentType.INTAKE_QUESTIONNAIRE.id(),
                    QuestionnaireItem.required("allergies", AnswerType.BOOLEAN),
                    QuestionnaireItem.optional("history", AnswerType.STRING)));
            PatientDocument intake = clinician.documents().request(DocumentRequest.of(patient,
                    DocumentType.INTAKE_QUESTIONNAIRE.id()));
            String answer = NAME + " born " + BIRTH_DATE + " member " + MEMBER + ": " + FREE_TEXT;
            capture(() -> clinician.documents().complete(DocumentCompletion.answered(intake.id(),
                    QuestionnaireResponse.of(ResponseItem.of("history", Answer.text(answer))))));
            capture(() -> clinician.documents().complete(DocumentCompletion.answered(intake.id(),
                    QuestionnaireResponse.of(ResponseItem.of("allergies", Answer.text(answer)),
                            ResponseItem.of("history", Answer.text(answer))))));
            clinician.documents().complete(DocumentCompletion.answered(intake.id(), QuestionnaireResponse.of(
                    ResponseItem.of("allergies", Answer.of(true)), ResponseItem.of("history", Answer.text(answer)))));
            capture(() -> clinician.documents().complete(DocumentCompletion.answered(intake.id(),
                    QuestionnaireResponse.of(ResponseItem.of("history", Answer.text(answer))))));
            capture(() -> clinic.desk.documents().revoke(intake.id(), NAME));
            clinic.desk.documents().response(intake.id());
            events = clinic.storage.read(tx -> tx.outbox().pending(10_000));
        }

        assertThat(messages).as("the flows must have produced errors to scan").hasSizeGreaterThan(8);
        List<String> lines = CapturedLogs.lines().subList(before, CapturedLogs.lines().size());
        assertThat(lines).as("the flows must have logged something to scan").isNotEmpty();
        for (String canary : CANARIES) {
            assertThat(lines).as("log lines").noneMatch(l -> l.contains(canary));
            assertThat(messages).as("exception messages").noneMatch(m -> m.contains(canary));
            assertThat(events).as("outbox events").noneMatch(e -> e.payload().contains(canary));
        }
    }

    private void capture(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            StringBuilder text = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                text.append(t.getClass().getName()).append(": ").append(t.getMessage()).append(" | ");
                for (Throwable s : t.getSuppressed()) {
                    text.append(s.getMessage()).append(" | ");
                }
            }
            messages.add(text.toString());
        }
    }
}
