package org.medcoord.example.clinicdesk;

import static org.medcoord.example.clinicdesk.DemoClinic.ZONE;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.EmergencyAccess;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.Cancellation;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.InvalidTransitionException;
import org.medcoord.api.appointment.Recurrence;
import org.medcoord.api.appointment.SeriesCommand;
import org.medcoord.api.appointment.SeriesConflict;
import org.medcoord.api.appointment.SeriesPolicy;
import org.medcoord.api.appointment.SeriesResult;
import org.medcoord.api.appointment.SlotUnavailableException;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistOffer;
import org.medcoord.api.appointment.WaitlistRequest;
import org.medcoord.api.audit.AuditEntry;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.Answer;
import org.medcoord.api.document.DocumentCompletion;
import org.medcoord.api.document.DocumentRequest;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.Paperwork;
import org.medcoord.api.document.PaperworkMissingException;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.QuestionnaireResponse;
import org.medcoord.api.document.ResponseItem;
import org.medcoord.api.document.WorklistEntry;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.api.schedule.TimeOfDay;

/**
 * The scripted clinic day the {@code demo} command runs: searches, bookings, a hold, a conflict
 * with alternatives, the wait list, a recurring series across the change to daylight-saving
 * time, a refused status change and the day sheet. Patients are ids only.
 */
final class ClinicDayScript {
    private static final PatientId P1001 = PatientId.of("p-1001");
    private static final PatientId P1002 = PatientId.of("p-1002");
    private static final PatientId P1003 = PatientId.of("p-1003");
    private static final PatientId P1004 = PatientId.of("p-1004");
    private static final PatientId P1005 = PatientId.of("p-1005");
    private static final PatientId P1006 = PatientId.of("p-1006");
    private static final PatientId P1007 = PatientId.of("p-1007");
    private static final PatientId P1008 = PatientId.of("p-1008");
    private static final PatientId P1009 = PatientId.of("p-1009");

    private static final String LAKESIDE = "lakeside-hospital";

    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private static final PatientId P1010 = PatientId.of("p-1010");
    private static final PatientId P1011 = PatientId.of("p-1011");

    private final DemoClinic clinic;
    private final CoordinatorSession desk;
    private final Appointments appointments;
    private final PrintWriter out;
    private final Instant dayStart;
    private final Instant dayEnd;
    private int section;

    ClinicDayScript(DemoClinic clinic, PrintWriter out) {
        this.clinic = clinic;
        this.desk = clinic.desk();
        this.appointments = desk.appointments();
        this.out = out;
        this.dayStart = DemoClinic.CLINIC_DAY.atStartOfDay(ZONE).toInstant();
        this.dayEnd = DemoClinic.CLINIC_DAY.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    void run() {
        introduce();
        bookConsults();
        Appointment mriTaken = bookMris();
        holdThenConfirm();
        conflict(mriTaken);
        WaitlistEntry waiting = joinWaitList();
        cancelAndOffer(mriTaken, waiting);
        bookSeries();
        refusedTransition(mriTaken);
        paperwork();
        access();
        daySheet();
        privacyReview();
        out.flush();
    }

    private void introduce() {
        out.println("MedCoord clinic-desk demo: one front-desk session, patients are ids only");
        out.printf("Desk clock : %s (UTC%s)%n", Formats.dateTime(DemoClinic.now(), ZONE),
                ZONE.getRules().getOffset(DemoClinic.now()));
        ZoneOffsetTransition change = ZONE.getRules().previousTransition(dayStart);
        out.printf("Clinic day : %s on %s (UTC%s); clocks went forward %s %s -> %s%n",
                Formats.date(DemoClinic.CLINIC_DAY), ZONE_NAME.format(dayStart.atZone(ZONE)),
                ZONE.getRules().getOffset(dayStart), Formats.date(change.getDateTimeBefore().toLocalDate()),
                change.getDateTimeBefore().toLocalTime(), change.getDateTimeAfter().toLocalTime());
        out.printf("Clinic     : %d resources at %s and %s; holiday good-friday on %s%n",
                desk.schedule().resources().size(), DemoClinic.MAIN_CAMPUS, DemoClinic.EAST_CLINIC,
                Formats.date(DemoClinic.GOOD_FRIDAY));
        for (ServiceType s : desk.schedule().services()) {
            out.printf("Service    : %-18s %2d min, %2d min before, %2d min after; needs %s%n", s.id(),
                    s.duration().toMinutes(), s.bufferBefore().toMinutes(), s.bufferAfter().toMinutes(),
                    s.requirements().stream().map(r -> r.role() + "=" + r.kind().name().toLowerCase(Locale.ROOT)
                            + new TreeSet<>(r.tags())).collect(Collectors.joining(" ")));
        }
    }

    private void bookConsults() {
        heading("Cardiology consults on " + Formats.date(DemoClinic.CLINIC_DAY));
        List<SlotOption> options = appointments.findSlots(SlotQuery.earliest(DemoClinic.CARDIOLOGY, P1001, dayStart,
                dayEnd, 3));
        out.println("Earliest options for p-1001:");
        options.forEach(o -> out.println("  " + Formats.slot(o, ZONE)));
        booked(appointments.book(BookCommand.of(P1001, options.get(0))));

        Preferences afternoonWithB = Preferences.NONE.preferring(ResourceId.of("dr-card-2"))
                .during(ZONE, TimeOfDay.AFTERNOON);
        SlotOption afternoon = appointments.findSlots(SlotQuery.earliest(DemoClinic.CARDIOLOGY, P1008, dayStart,
                dayEnd, 1).with(afternoonWithB)).get(0);
        out.println("p-1008 prefers Cardiologist B (dr-card-2) in the afternoon:");
        booked(appointments.book(BookCommand.of(P1008, afternoon)));
    }

    private Appointment bookMris() {
        heading("MRI: scanner + technologist + suite, claimed together");
        List<SlotOption> options = appointments.findSlots(SlotQuery.earliest(DemoClinic.MRI, P1002, dayStart, dayEnd, 3));
        out.println("Earliest MRI options for p-1002 (10 min set-up before, 15 min clean-up after):");
        options.forEach(o -> out.println("  " + Formats.slot(o, ZONE)));
        booked(appointments.book(BookCommand.of(P1002, options.get(0))));
        SlotOption next = appointments.findSlots(SlotQuery.earliest(DemoClinic.MRI, P1003, dayStart, dayEnd, 1)).get(0);
        Booking taken = appointments.book(BookCommand.of(P1003, next));
        booked(taken);
        SlotOption afternoon = appointments.findSlots(SlotQuery.earliest(DemoClinic.MRI, P1009, dayStart, dayEnd, 1)
                .with(Preferences.NONE.during(ZONE, TimeOfDay.AFTERNOON))).get(0);
        out.println("p-1009 wants an afternoon MRI:");
        booked(appointments.book(BookCommand.of(P1009, afternoon)));
        return taken.appointment();
    }

    private void holdThenConfirm() {
        heading("Hold, then confirm");
        SlotOption option = appointments.findSlots(SlotQuery.earliest(DemoClinic.DERMATOLOGY, P1004, dayStart, dayEnd, 1))
                .get(0);
        Hold hold = appointments.hold(BookCommand.of(P1004, option), Duration.ofMinutes(10));
        out.printf("Held %s for %s until %s: %s%n", hold.id(), hold.patient(), Formats.dateTime(hold.expiresAt(), ZONE),
                Formats.slot(hold.slot(), ZONE));
        out.println("p-1004 confirms on the phone:");
        booked(appointments.confirm(hold.id()));
    }

    private void conflict(Appointment taken) {
        heading("Conflict: p-1005 asks for exactly the MRI time p-1003 has");
        out.println("p-1005 asks for MRI at " + Formats.dateTime(taken.start(), ZONE));
        try {
            booked(appointments.book(BookCommand.at(DemoClinic.MRI, P1005, taken.start())));
            out.println("UNEXPECTED: the taken time was booked twice");
        } catch (SlotUnavailableException refused) {
            out.printf("Refused: SlotUnavailableException [%s] %s%n", refused.code(), refused.getMessage());
            out.println("Alternatives, nearest first:");
            List<SlotOption> alternatives = refused.alternatives();
            for (int i = 0; i < alternatives.size(); i++) {
                out.printf("  %d) %s%n", i + 1, Formats.slot(alternatives.get(i), ZONE));
            }
            if (!alternatives.isEmpty()) {
                out.println("p-1005 takes alternative 1:");
                booked(appointments.book(BookCommand.of(P1005, alternatives.get(0))));
            }
        }
    }

    private WaitlistEntry joinWaitList() {
        heading("Wait list: p-1006 wants an MRI on Monday before 10:00");
        Instant windowStart = at(DemoClinic.CLINIC_DAY, LocalTime.of(7, 0));
        Instant windowEnd = at(DemoClinic.CLINIC_DAY, LocalTime.of(10, 0));
        List<SlotOption> free = appointments.findSlots(SlotQuery.earliest(DemoClinic.MRI, P1006, windowStart,
                windowEnd, 1));
        out.println(free.isEmpty() ? "No MRI start free for p-1006 between 07:00 and 10:00."
                : "Earliest in the window: " + Formats.slot(free.get(0), ZONE));
        WaitlistEntry entry = desk.waitList().add(new WaitlistRequest(P1006, DemoClinic.MRI, windowStart, windowEnd, 5,
                Preferences.NONE));
        out.printf("Wait-list entry %s: %s, %s starting %s, priority %d [%s]%n", entry.id(),
                entry.request().patient(), entry.request().service(), Formats.period(windowStart, windowEnd, ZONE),
                entry.request().priority(), entry.status());
        return entry;
    }

    private void cancelAndOffer(Appointment taken, WaitlistEntry waiting) {
        heading("Cancellation frees a slot for the wait list");
        Cancellation cancellation = appointments.cancel(new CancelCommand(taken.id(), CancellationReason.PATIENT_REQUEST));
        out.println("Cancelled: " + Formats.appointment(cancellation.appointment(), ZONE));
        if (cancellation.offers().isEmpty()) {
            out.println("No wait-list offer was made.");
            return;
        }
        for (WaitlistOffer offer : cancellation.offers()) {
            out.printf("Wait-list offer #%d to %s (entry %s): %s%n", offer.rank(), offer.patient(), offer.entry(),
                    Formats.slot(offer.slot(), ZONE));
        }
        WaitlistOffer first = cancellation.offers().get(0);
        out.println(first.patient() + " accepts the offer:");
        booked(desk.waitList().accept(first.entry()));
        out.printf("Wait-list entry %s is now [%s]%n", waiting.id(), desk.waitList().get(waiting.id()).status());
    }

    private void bookSeries() {
        heading("Weekly series: 4 cardiology follow-ups for p-1007, Fridays 14:00, across the clock change");
        LocalDate firstDay = DemoClinic.NOW.toLocalDate();
        Instant firstStart = at(firstDay, LocalTime.of(14, 0));
        SlotOption first = appointments.findSlots(SlotQuery.earliest(DemoClinic.CARDIOLOGY, P1007, firstStart,
                firstStart.plus(ServiceType.GRANULE), 1)).get(0);
        SeriesResult result = appointments.bookSeries(new SeriesCommand(BookCommand.of(P1007, first),
                Recurrence.weekly(4), SeriesPolicy.BOOK_AVAILABLE));
        out.printf("Series %s: %d booked, %d %s%n", result.series().map(Object::toString).orElse("(none)"),
                result.booked().size(), result.conflicts().size(), result.conflicts().size() == 1 ? "conflict" : "conflicts");
        SortedMap<Long, List<String>> lines = new TreeMap<>();
        for (Appointment a : result.booked()) {
            lines.put(occurrence(firstDay, a.start()), List.of(String.format("  #%d booked    %s (%s)  %s  %s",
                    occurrence(firstDay, a.start()), Formats.period(a.start(), a.end(), ZONE), Formats.utc(a.start()),
                    Formats.resources(a.resources()), a.id())));
        }
        for (SeriesConflict c : result.conflicts()) {
            boolean holiday = c.requestedStart().atZone(ZONE).toLocalDate().equals(DemoClinic.GOOD_FRIDAY);
            List<String> conflict = new ArrayList<>();
            conflict.add(String.format("  #%d conflict  %s (%s)  %s%s", c.occurrence() + 1,
                    Formats.dateTime(c.requestedStart(), ZONE), Formats.utc(c.requestedStart()), c.code(),
                    holiday ? " (holiday good-friday)" : ""));
            for (int i = 0; i < c.alternatives().size(); i++) {
                conflict.add(String.format("       alternative %d: %s", i + 1, Formats.slot(c.alternatives().get(i), ZONE)));
            }
            lines.put(c.occurrence() + 1L, conflict);
        }
        lines.values().forEach(group -> group.forEach(out::println));
    }

    private void refusedTransition(Appointment cancelled) {
        heading("Refused status change");
        out.println("p-1003 calls back; the desk tries to move the cancelled MRI back to booked:");
        try {
            appointments.transition(cancelled.id(), AppointmentStatus.BOOKED, "patient-called-back");
            out.println("UNEXPECTED: a cancelled appointment moved back to booked");
        } catch (InvalidTransitionException refused) {
            out.printf("Refused: InvalidTransitionException [%s] %s%n", refused.code(), refused.getMessage());
        }
        out.println("Moving backwards needs the privileged reset, which a scheduler may not do:");
        try {
            appointments.reset(cancelled.id(), AppointmentStatus.BOOKED, "patient-called-back");
            out.println("UNEXPECTED: a scheduler reset an appointment");
        } catch (AccessDeniedException denied) {
            out.println("Refused: AccessDeniedException " + denied.getMessage());
        }
    }

    private void paperwork() {
        heading("Paperwork: an MRI needs the safety screening before check-in");
        CoordinatorSession admin = clinic.coordinator().session(Actor.of("admin-01", DemoClinic.FACILITY,
                Role.ADMINISTRATOR), Purpose.OPERATIONS);
        admin.documents().require(DemoClinic.MRI, DocumentType.MRI_SAFETY_SCREENING.id());
        out.println("The clinic now requires " + DocumentType.MRI_SAFETY_SCREENING.id() + " (valid "
                + DocumentType.MRI_SAFETY_SCREENING.validity().map(d -> d.toDays() + " days").orElse("until revoked")
                + ") for every " + DemoClinic.MRI + ".");
        SlotOption slot = appointments.findSlots(SlotQuery.earliest(DemoClinic.MRI, P1011, dayStart, dayEnd, 1)
                .with(Preferences.NONE.during(ZONE, TimeOfDay.AFTERNOON))).get(0);
        Booking booking = appointments.book(BookCommand.of(P1011, slot));
        booked(booking);
        Paperwork documents = desk.documents();
        List<WorklistEntry> worklist = documents.worklist(7);
        out.printf("Worklist, next 7 days: %d appointment(s) with paperwork outstanding%n", worklist.size());
        worklist.forEach(e -> out.printf("  %s  %s  %s  missing %s%n", e.appointment(), e.patient(), e.service(),
                e.outstanding().stream().map(o -> o.type() + " (" + o.gap().name().toLowerCase(Locale.ROOT) + ")")
                        .collect(Collectors.joining(", "))));
        AppointmentId visit = booking.appointment().id();
        out.println(P1011 + " arrives; the desk checks in:");
        try {
            appointments.checkIn(visit, Optional.empty());
            out.println("UNEXPECTED: checked in without the screening");
        } catch (PaperworkMissingException blocked) {
            out.printf("Blocked: PaperworkMissingException [%s] %s%n", blocked.code(), blocked.getMessage());
        }
        PatientDocument screening = documents.request(DocumentRequest.of(P1011, DocumentType.MRI_SAFETY_SCREENING.id()));
        screening = documents.complete(DocumentCompletion.answered(screening.id(), QuestionnaireResponse.of(
                ResponseItem.of("pacemaker", Answer.of(false)), ResponseItem.of("metal-implant", Answer.of(false)))));
        out.printf("Screening %s completed on the tablet [%s], valid until %s%n", screening.id(),
                screening.status().name().toLowerCase(Locale.ROOT),
                screening.expiresAt().map(t -> Formats.dateTime(t, ZONE)).orElse("revoked"));
        Appointment checkedIn = appointments.checkIn(visit, Optional.empty());
        out.println("Checked in: " + Formats.appointment(checkedIn, ZONE));
    }

    private void access() {
        heading("Access: minimum necessary, facility scoping, break-the-glass");
        CoordinatorSession clinician = clinic.coordinator().session(
                Actor.of("clin-01", DemoClinic.FACILITY, Role.CLINICIAN), Purpose.TREATMENT);
        SlotOption slot = clinician.appointments().findSlots(SlotQuery.earliest(DemoClinic.CARDIOLOGY, P1010, dayStart,
                dayEnd, 1).with(Preferences.NONE.during(ZONE, TimeOfDay.AFTERNOON))).get(0);
        Appointment visit = clinician.appointments().book(BookCommand.of(P1010, slot)
                .withReason(VisitReason.of("palpitations for two weeks", "R00.2"))).appointment();
        out.printf("Clinician clin-01 books %s for %s with a clinical reason (%d diagnosis code); the clinician "
                + "sees it: %s%n", visit.id(), visit.patient(), visit.reason().map(r -> r.diagnosisCodes().size())
                .orElse(0), clinician.appointments().get(visit.id()).reason().isPresent() ? "yes" : "no");
        Appointment deskView = appointments.get(visit.id());
        out.printf("The desk (scheduler) reads the same appointment: slot %s, reason %s (minimum necessary)%n",
                Formats.period(deskView.start(), deskView.end(), ZONE),
                deskView.reason().isPresent() ? "SHOWN (unexpected)" : "left out");

        CoordinatorSession research = clinic.coordinator().session(
                Actor.of("study-07", DemoClinic.FACILITY, Role.CLINICIAN), Purpose.RESEARCH);
        refused("A study coordinator reads it for research", () -> research.appointments().get(visit.id()));
        CoordinatorSession lakeside = clinic.coordinator().session(
                Actor.of("ed-doc-3", LAKESIDE, Role.CLINICIAN), Purpose.TREATMENT);
        refused("An emergency physician of " + LAKESIDE + " reads it", () -> lakeside.appointments().get(visit.id()));

        CoordinatorSession glass = clinic.coordinator().breakGlass(Actor.of("ed-doc-3", LAKESIDE, Role.CLINICIAN),
                EmergencyAccess.of("unconscious-patient", Duration.ofMinutes(30)));
        out.printf("ed-doc-3 breaks the glass (reason unconscious-patient) until %s; alert event access.break-glass "
                + "raised%n", glass.breakGlassUntil().map(t -> Formats.dateTime(t, ZONE)).orElse("?"));
        List<Appointment> seen = glass.appointments().forPatient(P1010, dayStart, dayEnd);
        out.printf("Under break-glass ed-doc-3 sees %d appointment(s) of %s, reason included: %s; each access is "
                + "audited with purpose ETREAT%n", seen.size(), P1010,
                seen.stream().allMatch(a -> a.reason().isPresent()) ? "yes" : "no");
    }

    private void privacyReview() {
        heading("Privacy officer: break-the-glass review, accesses to p-1010, audit chain verification");
        CoordinatorSession officer = clinic.coordinator().session(
                Actor.of("privacy-01", DemoClinic.FACILITY, Role.PRIVACY_OFFICER), Purpose.OPERATIONS);
        Instant from = Instant.EPOCH;
        Instant to = DemoClinic.now().plus(Duration.ofDays(1));
        List<AuditEntry> glass = officer.audit().breakGlassAccesses(from, to);
        out.printf("Break-the-glass review: %d audited event(s)%n", glass.size());
        glass.forEach(e -> out.println("  " + audited(e)));
        List<AuditEntry> accesses = officer.audit().accessesTo(P1010, from, to);
        out.printf("Who accessed %s: %d audited event(s)%n", P1010, accesses.size());
        accesses.forEach(e -> out.println("  " + audited(e)));
        AuditVerification report = officer.audit().verify();
        out.println("Audit chain verification (as `clinic-desk audit verify` prints it):");
        AuditVerifyCommand.print(out, report);
    }

    private static String audited(AuditEntry e) {
        AuditRecord r = e.record();
        return String.format("#%-4d %-9s %-9s %-6s %-26s %-8s %s", e.sequence(), r.user(), r.facility().value()
                .replace("-clinic", "").replace("-hospital", ""), r.purpose().code(), r.action(), r.outcome(),
                r.patient().map(Object::toString).orElse("-"));
    }

    private void refused(String what, Runnable call) {
        try {
            call.run();
            out.println(what + ": UNEXPECTED, allowed");
        } catch (AccessDeniedException denied) {
            out.printf("%s: denied [%s] %s%n", what, denied.code(), denied.getMessage());
        }
    }

    private void daySheet() {
        heading("Day sheet for " + Formats.date(DemoClinic.CLINIC_DAY) + ", per resource");
        ScheduleTable.print(out, desk, DemoClinic.CLINIC_DAY, ZONE);
        long booked = desk.schedule().resources().stream()
                .flatMap(r -> appointments.forResource(r.id(), dayStart, dayEnd).stream())
                .filter(a -> a.status() == AppointmentStatus.BOOKED).map(Appointment::id).distinct().count();
        out.println(booked + " booked appointments on " + DemoClinic.CLINIC_DAY + ".");
    }

    private void heading(String title) {
        section++;
        out.println();
        out.println("== " + section + ". " + title);
    }

    private void booked(Booking booking) {
        Appointment a = booking.appointment();
        out.println("  Booked " + Formats.appointment(a, ZONE));
        booking.warnings().forEach(w -> out.println("    warning " + w.rule() + "/" + w.code() + ": " + w.message()));
    }

    private static Instant at(LocalDate date, LocalTime time) {
        return ZonedDateTime.of(date, time, ZONE).toInstant();
    }

    private static long occurrence(LocalDate first, Instant start) {
        return ChronoUnit.WEEKS.between(first, start.atZone(ZONE).toLocalDate()) + 1;
    }
}
