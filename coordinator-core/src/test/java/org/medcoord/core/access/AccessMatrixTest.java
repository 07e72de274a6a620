package org.medcoord.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medcoord.core.TestClinic.MONDAY_1;
import static org.medcoord.core.TestClinic.ZONE;
import static org.medcoord.core.TestClinic.at;

import java.lang.reflect.Method;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.AccessMode;
import org.medcoord.api.access.AccessPolicy;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.EmergencyAccess;
import org.medcoord.api.access.UserId;
import org.medcoord.api.access.DataCategory;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.Cancellation;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.Recurrence;
import org.medcoord.api.appointment.RescheduleCommand;
import org.medcoord.api.appointment.Rescheduling;
import org.medcoord.api.appointment.SeriesCommand;
import org.medcoord.api.appointment.SeriesPolicy;
import org.medcoord.api.appointment.SeriesResult;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.appointment.WaitList;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistRequest;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.AuditTrail;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.document.QuestionnaireItem;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Paperwork;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentRequest;
import org.medcoord.api.document.DocumentKind;
import org.medcoord.api.document.DocumentCompletion;
import org.medcoord.api.document.AnswerType;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.UnavailabilityKind;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.core.TestClinic;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.internal.DefaultCoordinator;

/**
 * Every public service method, called by every role for every purpose against the standard
 * policy: allowed calls succeed and return nothing outside their projection, denied calls are a
 * typed {@link AccessDeniedException} and change nothing, and every call that touches patient
 * data leaves exactly one audit record with the right outcome.
 *
 * <p>The table below is the specification: which data category and mode each method needs. A
 * service method without a row fails {@link #every_public_service_method_has_a_row_in_the_matrix()}.
 */
class AccessMatrixTest {
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");
    private static final List<Role> ROLES = List.of(Role.SCHEDULER, Role.CLINICIAN, Role.SUPERVISOR,
            Role.ADMINISTRATOR, Role.PRIVACY_OFFICER);
    private static final AccessPolicy POLICY = AccessPolicy.standard();
    private static final String REASON_TEXT = "matrix reason text";
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    /** One service method: what it needs and how to call it within a prepared cell. */
    record Call(String service, String method, DataCategory category, AccessMode mode, Set<DataCategory> writes,
                Function<Cell, Object> invoke) {
        Call(String service, String method, DataCategory category, AccessMode mode, Function<Cell, Object> invoke) {
            this(service, method, category, mode, Set.of(), invoke);
        }

        /** The same call, also writing a field of another category, which needs its own write grant. */
        Call writing(DataCategory field) {
            return new Call(service, method, category, mode, Set.of(field), invoke);
        }

        boolean patientData() {
            return category != DataCategory.SCHEDULE;
        }

        boolean allowedBy(AccessPolicy policy, Role role, Purpose purpose) {
            return policy.allows(Set.of(role), purpose, category, mode)
                    && writes.stream().allMatch(w -> policy.allows(Set.of(role), purpose, w, AccessMode.WRITE));
        }

        @Override
        public String toString() {
            return service + "." + method + " (" + category + " " + mode
                    + (writes.isEmpty() ? "" : ", writing " + writes + " WRITE") + ")";
        }
    }

    static List<Call> calls() {
        List<Call> c = new ArrayList<>();
        c.add(appointments("findSlots", AccessMode.READ, x -> x.appointments().findSlots(
                SlotQuery.earliest(CONSULT, x.patient, x.day.atStartOfDay(ZONE).toInstant(),
                        x.day.plusDays(1).atStartOfDay(ZONE).toInstant(), 3))));
        c.add(appointments("book", AccessMode.WRITE, x -> x.appointments().book(x.freeSlot(x.patient))));
        c.add(appointments("book", AccessMode.WRITE, x -> x.appointments().book(x.freeSlot(x.patient)
                .withReason(VisitReason.of(REASON_TEXT, "R07.9")))).writing(DataCategory.CLINICAL));
        c.add(appointments("book", AccessMode.OVERRIDE, x -> x.appointments().book(new BookCommand(CONSULT,
                x.patient, x.fixture.start(), x.fixture.resources(), Optional.empty(), Optional.empty())
                .overCapacity("urgent-add-on"))));
        c.add(appointments("hold", AccessMode.WRITE, x -> x.appointments().hold(x.freeSlot(x.patient),
                Duration.ofMinutes(10))));
        c.add(appointments("confirm", AccessMode.WRITE, x -> x.appointments().confirm(x.hold().id())));
        c.add(appointments("release", AccessMode.WRITE, x -> {
            x.appointments().release(x.hold().id());
            return null;
        }));
        c.add(appointments("bookSeries", AccessMode.WRITE, x -> x.appointments().bookSeries(new SeriesCommand(
                x.freeSlot(x.patient).withReason(VisitReason.of(REASON_TEXT)), Recurrence.weekly(2),
                SeriesPolicy.BOOK_AVAILABLE))).writing(DataCategory.CLINICAL));
        c.add(appointments("cancel", AccessMode.WRITE, x -> x.appointments().cancel(
                new CancelCommand(x.fixture.id(), CancellationReason.PATIENT_REQUEST))));
        c.add(appointments("reschedule", AccessMode.WRITE, x -> x.appointments().reschedule(
                RescheduleCommand.to(x.fixture.id(), x.freeSlot(x.patient).start(), "patient-request"))));
        c.add(appointments("transition", AccessMode.WRITE, x -> x.appointments().transition(x.fixture.id(),
                AppointmentStatus.ARRIVED, "arrived")));
        c.add(appointments("reset", AccessMode.OVERRIDE, x -> x.appointments().reset(x.arrivedFixture().id(),
                AppointmentStatus.BOOKED, "marked-in-error")));
        c.add(appointments("get", AccessMode.READ, x -> x.appointments().get(x.fixture.id())));
        c.add(appointments("forPatient", AccessMode.READ, x -> x.appointments().forPatient(x.fixture.patient(),
                x.fixture.start().minus(Duration.ofDays(1)), x.fixture.end().plus(Duration.ofDays(1)))));
        c.add(appointments("forResource", AccessMode.READ, x -> x.appointments().forResource(ResourceId.of("dr-a"),
                x.fixture.start(), x.fixture.end())));

        c.add(appointments("checkIn", AccessMode.WRITE, x -> x.appointments().checkIn(x.fixture.id(),
                Optional.empty())));
        c.add(appointments("checkIn", AccessMode.OVERRIDE, x -> x.appointments().checkIn(x.fixture.id(),
                Optional.of("clinical-urgency"))));

        c.add(documents("defineType", DataCategory.SCHEDULE, AccessMode.WRITE, x -> x.documents().defineType(
                DocumentType.of("form-" + x.serial, DocumentKind.CONSENT, Duration.ofDays(30)))));
        c.add(documents("defineQuestionnaire", DataCategory.SCHEDULE, AccessMode.WRITE, x -> x.documents()
                .defineQuestionnaire(Questionnaire.of(DocumentType.INTAKE_QUESTIONNAIRE.id(),
                        QuestionnaireItem.required("allergies", AnswerType.BOOLEAN)))));
        c.add(documents("questionnaire", DataCategory.SCHEDULE, AccessMode.READ, x -> x.documents()
                .questionnaire(DocumentType.INTAKE_QUESTIONNAIRE.id())));
        c.add(documents("types", DataCategory.SCHEDULE, AccessMode.READ, x -> x.documents().types()));
        c.add(documents("require", DataCategory.SCHEDULE, AccessMode.WRITE, x -> x.documents().require(
                ServiceTypeId.of("mri"), DocumentType.MRI_SAFETY_SCREENING.id())));
        c.add(documents("requirement", DataCategory.SCHEDULE, AccessMode.READ, x -> x.documents().requirement(CONSULT)));
        c.add(documents("request", DataCategory.DOCUMENT, AccessMode.WRITE, x -> x.documents().request(
                DocumentRequest.of(x.patient, DocumentType.HIPAA_NOTICE.id()))));
        c.add(documents("markSent", DataCategory.DOCUMENT, AccessMode.WRITE, x -> x.documents().markSent(
                x.document().id())));
        c.add(documents("complete", DataCategory.DOCUMENT, AccessMode.WRITE, x -> x.documents().complete(
                DocumentCompletion.signed(x.document().id()))));
        c.add(documents("revoke", DataCategory.DOCUMENT, AccessMode.WRITE, x -> x.documents().revoke(
                x.document().id(), "patient-withdrew")));
        c.add(documents("get", DataCategory.DOCUMENT, AccessMode.READ, x -> x.documents().get(x.document().id())));
        c.add(documents("response", DataCategory.DOCUMENT, AccessMode.READ, x -> x.documents().response(
                x.document().id())));
        c.add(documents("forPatient", DataCategory.DOCUMENT, AccessMode.READ, x -> x.documents().forPatient(
                x.fixture.patient())));
        c.add(documents("outstanding", DataCategory.DOCUMENT, AccessMode.READ, x -> x.documents().outstanding(
                x.fixture.id())));
        c.add(documents("worklist", DataCategory.DOCUMENT, AccessMode.READ, x -> x.documents().worklist(7)));

        c.add(audit("verify", x -> x.audit().verify()));
        c.add(audit("accessesTo", x -> x.audit().accessesTo(x.fixture.patient(), Instant.EPOCH, FAR)));
        c.add(audit("actionsBy", x -> x.audit().actionsBy(UserId.of("u-setup"), Instant.EPOCH, FAR)));
        c.add(audit("breakGlassAccesses", x -> x.audit().breakGlassAccesses(Instant.EPOCH, FAR)));
        c.add(audit("disclosures", x -> x.audit().disclosures(x.fixture.patient(), Instant.EPOCH, FAR)));

        c.add(waitList("add", AccessMode.WRITE, x -> x.waitList().add(x.waitlistRequest(x.patient))));
        c.add(waitList("accept", AccessMode.WRITE, x -> x.waitList().accept(x.offeredEntry().id())));
        c.add(waitList("withdraw", AccessMode.WRITE, x -> {
            x.waitList().withdraw(x.openEntry().id());
            return null;
        }));
        c.add(waitList("get", AccessMode.READ, x -> x.waitList().get(x.openEntry().id())));
        c.add(waitList("open", AccessMode.READ, x -> x.waitList().open(CONSULT)));

        c.add(schedule("defineResource", AccessMode.WRITE, x -> x.schedule().defineResource(Resource.of(
                "extra-" + x.serial, ResourceKind.LOCATION, "Extra room", ZONE, "north", "exam-room"))));
        c.add(schedule("defineService", AccessMode.WRITE, x -> x.schedule().defineService(ServiceType.of(
                "svc-" + x.serial, "Extra service", Duration.ofMinutes(20),
                ResourceRequirement.of("room", ResourceKind.LOCATION, "exam-room")))));
        c.add(schedule("addTemplate", AccessMode.WRITE, x -> {
            x.schedule().addTemplate(WeeklyTemplate.of(ResourceId.of("room-2"), LocalDate.of(2027, 6, 1), "18:00",
                    "19:00", DayOfWeek.SATURDAY));
            return null;
        }));
        c.add(schedule("addUnavailability", AccessMode.WRITE, x -> {
            x.schedule().addUnavailability(new Unavailability(ResourceId.of("room-2"), at(LocalDate.of(2027, 6, 2),
                    "12:00"), at(LocalDate.of(2027, 6, 2), "13:00"), UnavailabilityKind.BLOCK, "staff-meeting"));
            return null;
        }));
        c.add(schedule("addHoliday", AccessMode.WRITE, x -> {
            x.schedule().addHoliday(LocalDate.of(2027, 7, 5), "independence-day", Set.of(ResourceId.of("room-2")));
            return null;
        }));
        c.add(schedule("resource", AccessMode.READ, x -> x.schedule().resource(ResourceId.of("dr-a"))));
        c.add(schedule("resources", AccessMode.READ, x -> x.schedule().resources()));
        c.add(schedule("service", AccessMode.READ, x -> x.schedule().service(CONSULT)));
        c.add(schedule("services", AccessMode.READ, x -> x.schedule().services()));
        return c;
    }

    private static Call appointments(String method, AccessMode mode, Function<Cell, Object> invoke) {
        return new Call("appointments", method, DataCategory.APPOINTMENT, mode, invoke);
    }

    private static Call waitList(String method, AccessMode mode, Function<Cell, Object> invoke) {
        return new Call("waitList", method, DataCategory.APPOINTMENT, mode, invoke);
    }

    private static Call documents(String method, DataCategory category, AccessMode mode,
                                  Function<Cell, Object> invoke) {
        return new Call("documents", method, category, mode, invoke);
    }

    private static Call audit(String method, Function<Cell, Object> invoke) {
        return new Call("audit", method, DataCategory.AUDIT, AccessMode.READ, invoke);
    }

    private static Call schedule(String method, AccessMode mode, Function<Cell, Object> invoke) {
        return new Call("schedule", method, DataCategory.SCHEDULE, mode, invoke);
    }

    @Test
    void every_public_service_method_has_a_row_in_the_matrix() {
        Map<String, Class<?>> services = new LinkedHashMap<>();
        for (Method accessor : CoordinatorSession.class.getMethods()) {
            Class<?> type = accessor.getReturnType();
            if (accessor.getParameterCount() == 0 && type.isInterface() && type.getPackageName().startsWith("org.medcoord.api")) {
                services.put(accessor.getName(), type);
            }
        }
        assertThat(services).containsKeys("appointments", "waitList", "schedule", "documents", "audit");
        Set<String> covered = calls().stream().map(c -> c.service() + "." + c.method()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        services.forEach((name, type) -> Arrays.stream(type.getMethods())
                .filter(m -> !m.isDefault() && !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
                .map(m -> name + "." + m.getName())
                .filter(m -> !covered.contains(m))
                .forEach(missing::add));
        assertThat(missing).as("service methods without a row in the access matrix").isEmpty();
    }

    /**
     * The operations the features declare are the actions the audit trail records: every record a
     * run of the matrix leaves names a declared operation (a refined one such as
     * {@code appointment.status.arrived} names its declared prefix), and every declared operation
     * is recorded by some row of the matrix, so a feature's new operation cannot go unchecked.
     */
    @Test
    void every_declared_operation_is_recorded_by_the_matrix_and_nothing_else_is() {
        Set<String> declared = DefaultCoordinator.operations().stream().map(Operation::action)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> recorded = new TreeSet<>();
        for (Call call : calls()) {
            try (TestClinic clinic = new TestClinic()) {
                Role allowedRole = null;
                Purpose allowedPurpose = null;
                for (Role role : ROLES) {
                    for (Purpose purpose : Purpose.values()) {
                        if (allowedRole == null && call.allowedBy(POLICY, role, purpose)) {
                            allowedRole = role;
                            allowedPurpose = purpose;
                        }
                    }
                }
                assertThat(allowedRole).as("%s is allowed to nobody", call).isNotNull();
                Cell cell = new Cell(clinic, new Slots(), allowedRole, allowedPurpose, 1);
                cell.prepare(call);
                call.invoke().apply(cell);
                recorded.addAll(clinic.storage.read(tx -> tx.audit().all()).stream().map(AuditRecord::action).toList());
            }
        }
        // Opening a break-glass session is a coordinator call, not a session's: one more row.
        try (TestClinic clinic = new TestClinic()) {
            clinic.coordinator.breakGlass(Actor.of("u-er", "fac-1", Role.CLINICIAN),
                    EmergencyAccess.of("mass-casualty", Duration.ofMinutes(30)));
            recorded.addAll(clinic.storage.read(tx -> tx.audit().all()).stream().map(AuditRecord::action).toList());
        }
        Set<String> undeclared = recorded.stream().filter(action -> declared.stream()
                .noneMatch(d -> action.equals(d) || action.startsWith(d + "."))).collect(Collectors.toCollection(TreeSet::new));
        assertThat(undeclared).as("audited actions no feature declares as an operation").isEmpty();
        Set<String> unexercised = declared.stream().filter(d -> recorded.stream()
                .noneMatch(action -> action.equals(d) || action.startsWith(d + "."))).collect(Collectors.toCollection(TreeSet::new));
        assertThat(unexercised).as("declared operations no row of the matrix records").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void every_role_and_purpose_is_allowed_or_denied_exactly_as_the_policy_says(Call call) {
        List<String> wrong = new ArrayList<>();
        try (TestClinic clinic = new TestClinic()) {
            Slots slots = new Slots();
            int serial = 0;
            for (Role role : ROLES) {
                for (Purpose purpose : Purpose.values()) {
                    serial++;
                    Cell cell = new Cell(clinic, slots, role, purpose, serial);
                    cell.prepare(call);
                    boolean allowed = call.allowedBy(POLICY, role, purpose);
                    String where = call + " as " + role + " for " + purpose + ": ";
                    String before = clinic.snapshot();
                    int audited = cell.auditCount();
                    Object result = null;
                    RuntimeException thrown = null;
                    try {
                        result = call.invoke().apply(cell);
                    } catch (RuntimeException e) {
                        thrown = e;
                    }
                    if (allowed) {
                        if (thrown != null) {
                            wrong.add(where + "allowed by the policy but threw " + thrown);
                            continue;
                        }
                        boolean clinical = POLICY.allows(Set.of(role), purpose, DataCategory.CLINICAL, AccessMode.READ);
                        for (Appointment a : appointmentsIn(result)) {
                            if (!clinical && a.reason().isPresent()) {
                                wrong.add(where + "returned the clinical reason outside its projection");
                            }
                            if (clinical && a.id().equals(cell.fixture.id()) && a.reason().isEmpty()) {
                                wrong.add(where + "may read clinical data but the reason was left out");
                            }
                        }
                    } else {
                        if (!(thrown instanceof AccessDeniedException denied)) {
                            wrong.add(where + "denied by the policy but " + (thrown == null ? "succeeded" : "threw " + thrown));
                            continue;
                        }
                        if (!denied.code().equals(AccessDeniedException.NOT_GRANTED)) {
                            wrong.add(where + "denied with code " + denied.code());
                        }
                        if (!clinic.snapshot().equals(before)) {
                            wrong.add(where + "denied but changed stored state");
                        }
                    }
                    if (call.patientData()) {
                        List<AuditRecord> mine = cell.auditSince(audited);
                        AuditOutcome expected = allowed ? AuditOutcome.SUCCESS : AuditOutcome.DENIED;
                        if (mine.size() != 1 || mine.get(0).outcome() != expected || mine.get(0).purpose() != purpose) {
                            wrong.add(where + "expected one " + expected + " audit record, got " + mine);
                        }
                    }
                }
            }
        }
        assertThat(wrong).as("cells that disagree with the policy").isEmpty();
    }

    @Test
    void the_standard_policy_keeps_clinical_content_from_schedulers_and_patient_data_from_research() {
        assertThat(POLICY.allows(Set.of(Role.SCHEDULER), Purpose.TREATMENT, DataCategory.APPOINTMENT, AccessMode.WRITE))
                .isTrue();
        assertThat(POLICY.allows(Set.of(Role.SCHEDULER), Purpose.TREATMENT, DataCategory.CLINICAL, AccessMode.READ))
                .isFalse();
        assertThat(POLICY.allows(Set.of(Role.CLINICIAN), Purpose.TREATMENT, DataCategory.CLINICAL, AccessMode.READ))
                .isTrue();
        assertThat(POLICY.allows(Set.of(Role.CLINICIAN), Purpose.PAYMENT, DataCategory.CLINICAL, AccessMode.READ))
                .isFalse();
        for (Role role : ROLES) {
            for (DataCategory category : List.of(DataCategory.APPOINTMENT, DataCategory.CLINICAL, DataCategory.DOCUMENT,
                    DataCategory.AUDIT)) {
                for (AccessMode mode : AccessMode.values()) {
                    assertThat(POLICY.allows(Set.of(role), Purpose.RESEARCH, category, mode)).isFalse();
                    assertThat(POLICY.allows(Set.of(role), Purpose.EMERGENCY, category, mode)).isFalse();
                }
            }
        }
        assertThat(POLICY.allows(Set.of(Role.PRIVACY_OFFICER), Purpose.OPERATIONS, DataCategory.AUDIT, AccessMode.READ))
                .isTrue();
        assertThat(POLICY.allows(Set.of(Role.SUPERVISOR), Purpose.OPERATIONS, DataCategory.AUDIT, AccessMode.READ))
                .isFalse();
    }

    @Test
    void a_host_policy_replaces_the_standard_one() {
        AccessPolicy researchDesk = AccessPolicy.standard().toBuilder()
                .allow(Role.of("research-coordinator"), Purpose.RESEARCH, DataCategory.APPOINTMENT, AccessMode.READ,
                        AccessMode.WRITE)
                .revoke(Role.SCHEDULER, Purpose.PATIENT_REQUEST, DataCategory.APPOINTMENT)
                .build();
        try (TestClinic clinic = new TestClinic(researchDesk)) {
            Cell setup = new Cell(clinic, new Slots(), Role.SUPERVISOR, Purpose.TREATMENT, 1);
            setup.prepare(calls().get(0));
            CoordinatorSession research = clinic.coordinator.session(
                    Actor.of("u-study", "fac-1", Role.of("research-coordinator")), Purpose.RESEARCH);
            assertThat(research.appointments().get(setup.fixture.id()).reason()).isEmpty();
            CoordinatorSession portal = clinic.coordinator.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER),
                    Purpose.PATIENT_REQUEST);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> portal.appointments().get(setup.fixture.id()))
                    .isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("u-desk").hasMessageContaining("PATRQT");
        }
    }

    static List<Appointment> appointmentsIn(Object result) {
        if (result instanceof Appointment a) {
            return List.of(a);
        }
        if (result instanceof Booking b) {
            return List.of(b.appointment());
        }
        if (result instanceof Cancellation c) {
            return List.of(c.appointment());
        }
        if (result instanceof Rescheduling r) {
            return List.of(r.booking().appointment());
        }
        if (result instanceof SeriesResult s) {
            return s.booked();
        }
        if (result instanceof List<?> list) {
            return list.stream().flatMap(o -> o instanceof Appointment a ? Stream.of(a) : Stream.empty()).toList();
        }
        return List.of();
    }

    /** Free consult slots on dr-a and room-1, one hour apart, weekdays 08:00-16:00, never reused. */
    static final class Slots {
        private int next;

        Instant take() {
            int index = next++;
            LocalDate day = MONDAY_1;
            for (int d = index / 8; d > 0; ) {
                day = day.plusDays(1);
                if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    d--;
                }
            }
            return at(day, String.format("%02d:00", 8 + index % 8));
        }
    }

    /** One role x purpose cell: its own patient, a booked appointment with a reason, and a session. */
    static final class Cell {
        final TestClinic clinic;
        final Slots slots;
        final PatientId patient;
        final int serial;
        final CoordinatorSession session;
        final CoordinatorSession setup;
        final LocalDate day;
        Appointment fixture;
        private Hold hold;
        private Appointment arrived;
        private WaitlistEntry open;
        private WaitlistEntry offered;
        private PatientDocument document;

        Cell(TestClinic clinic, Slots slots, Role role, Purpose purpose, int serial) {
            this.clinic = clinic;
            this.slots = slots;
            this.serial = serial;
            this.patient = PatientId.of("p-" + serial);
            this.session = clinic.coordinator.session(Actor.of("u-" + role + "-" + purpose.code(), "fac-1", role), purpose);
            this.setup = clinic.coordinator.session(Actor.of("u-setup", "fac-1", Role.SUPERVISOR), Purpose.TREATMENT);
            this.day = MONDAY_1.plusDays(1);
        }

        void prepare(Call call) {
            fixture = setup.appointments().book(freeSlot(PatientId.of("q-" + serial))
                    .withReason(VisitReason.of(REASON_TEXT, "I48.91"))).appointment();
            switch (call.method()) {
                case "confirm", "release" -> hold = setup.appointments().hold(freeSlot(PatientId.of("h-" + serial)),
                        Duration.ofMinutes(10));
                case "markSent", "complete", "revoke", "response" -> {
                    document = setup.documents().request(DocumentRequest.of(fixture.patient(),
                            DocumentType.HIPAA_NOTICE.id()));
                    if (call.method().equals("revoke")) {
                        document = setup.documents().complete(DocumentCompletion.signed(document.id()));
                    }
                }
                case "reset" -> arrived = setup.appointments().transition(fixture.id(), AppointmentStatus.ARRIVED,
                        "arrived");
                case "withdraw" -> open = setup.waitList().add(waitlistRequest(PatientId.of("w-" + serial)));
                case "get" -> {
                    if (call.service().equals("waitList")) {
                        open = setup.waitList().add(waitlistRequest(PatientId.of("w-" + serial)));
                    } else if (call.service().equals("documents")) {
                        document = setup.documents().request(DocumentRequest.of(fixture.patient(),
                                DocumentType.HIPAA_NOTICE.id()));
                    }
                }
                case "accept" -> {
                    offered = setup.waitList().add(new WaitlistRequest(PatientId.of("w-" + serial), CONSULT,
                            fixture.start(), fixture.end(), 9, Preferences.NONE));
                    setup.appointments().cancel(new CancelCommand(fixture.id(), CancellationReason.PATIENT_REQUEST));
                }
                default -> {
                }
            }
        }

        BookCommand freeSlot(PatientId who) {
            return new BookCommand(CONSULT, who, slots.take(), List.of(RoleAssignment.of("specialist", "dr-a"),
                    RoleAssignment.of("room", "room-1")), Optional.empty(), Optional.empty());
        }

        WaitlistRequest waitlistRequest(PatientId who) {
            Instant start = slots.take();
            return new WaitlistRequest(who, CONSULT, start, start.plus(Duration.ofMinutes(30)), 1, Preferences.NONE);
        }

        Appointments appointments() {
            return session.appointments();
        }

        WaitList waitList() {
            return session.waitList();
        }

        ScheduleAdministration schedule() {
            return session.schedule();
        }

        Paperwork documents() {
            return session.documents();
        }

        AuditTrail audit() {
            return session.audit();
        }

        PatientDocument document() {
            return document;
        }

        Hold hold() {
            return hold;
        }

        Appointment arrivedFixture() {
            return arrived;
        }

        WaitlistEntry openEntry() {
            return open;
        }

        WaitlistEntry offeredEntry() {
            return offered;
        }

        int auditCount() {
            return clinic.storage.read(tx -> tx.audit().all().size());
        }

        List<AuditRecord> auditSince(int count) {
            String user = session.actor().user().value();
            return clinic.storage.read(tx -> tx.audit().all().subList(count, tx.audit().all().size())).stream()
                    .filter(r -> r.user().value().equals(user))
                    .toList();
        }
    }
}
