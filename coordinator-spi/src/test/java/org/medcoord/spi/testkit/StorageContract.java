package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcoord.spi.testkit.Fixtures.DAY;
import static org.medcoord.spi.testkit.Fixtures.answers;
import static org.medcoord.spi.testkit.Fixtures.completed;
import static org.medcoord.spi.testkit.Fixtures.document;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.appointment;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.audit;
import static org.medcoord.spi.testkit.Fixtures.claim;
import static org.medcoord.spi.testkit.Fixtures.event;
import static org.medcoord.spi.testkit.Fixtures.hold;
import static org.medcoord.spi.testkit.Fixtures.holdClaim;
import static org.medcoord.spi.testkit.Fixtures.idempotency;
import static org.medcoord.spi.testkit.Fixtures.moved;
import static org.medcoord.spi.testkit.Fixtures.resource;
import static org.medcoord.spi.testkit.Fixtures.rid;
import static org.medcoord.spi.testkit.Fixtures.service;
import static org.medcoord.spi.testkit.Fixtures.template;
import static org.medcoord.spi.testkit.Fixtures.unavailability;
import static org.medcoord.spi.testkit.Fixtures.waitlistEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.HoldId;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.appointment.StatusChange;
import org.medcoord.api.appointment.WaitlistEntryId;
import org.medcoord.api.appointment.WaitlistStatus;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.document.DocumentId;
import org.medcoord.api.document.DocumentKind;
import org.medcoord.api.document.DocumentRequirement;
import org.medcoord.api.document.DocumentType;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.AnswerType;
import org.medcoord.api.document.PatientDocument;
import org.medcoord.api.document.Questionnaire;
import org.medcoord.api.document.QuestionnaireItem;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.CalendarRead;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.IdempotencyStore;
import org.medcoord.spi.storage.WaitlistStore;
import org.medcoord.spi.storage.DocumentStore;
import org.medcoord.spi.storage.StorageTransaction;
import org.medcoord.spi.storage.UnsupportedStoreException;

/**
 * The contract of {@link org.medcoord.spi.storage.Storage} as a whole: a unit of work is atomic
 * across every store, the exception that ends a unit reaches the caller unchanged, committed work
 * is visible to later units, and concurrent units neither lose updates nor block each other
 * forever.
 *
 * @since 0.1
 */
public class StorageContract extends ContractSupport {
    private static final String PATIENT = "p-1";
    private static final Instant END_OF_DAY = at(1, "00:00");
    private static final List<ResourceId> RESOURCES = List.of(rid("dr-a"), rid("dr-b"), rid("dr-c"));
    private static final List<String> OWNERS = List.of("appointment:a-0", "appointment:a-1", "appointment:a-2",
            "hold:h-0");
    /** Snapshot entries that {@link #writeToEveryStore} does not change. */
    private static final Set<String> UNTOUCHED = Set.of("idempotency k-0");

    /** For subclasses. */
    protected StorageContract() {
    }

    @Test
    void describeNamesTheStorage() {
        String description = storage().describe();
        assertNotNull(description);
        assertFalse(description.isBlank(), "describe() must not be blank");
    }

    @Test
    void everyDeclaredPortIsAnsweredWithOneStoreThroughoutAUnit() {
        Set<Class<?>> ports = storage().stores();
        assertFalse(ports.isEmpty(), "stores() must declare the ports the storage keeps");
        for (Class<?> port : ports) {
            assertTrue(port.isInterface(), port.getName() + " is not an interface");
            write(tx -> {
                Object store = tx.store(port);
                assertTrue(port.isInstance(store), "store(" + port.getSimpleName() + ") is not one");
                assertSame(store, tx.find(port).orElseThrow(), "find and store disagree on " + port.getSimpleName());
                assertSame(store, tx.store(port), "store(" + port.getSimpleName() + ") changed within the unit");
                return null;
            });
            read(tx -> {
                assertTrue(tx.find(port).isPresent(), "a read unit does not answer " + port.getSimpleName());
                return null;
            });
        }
    }

    @Test
    void aPortTheStorageDoesNotKeepIsAbsentAndRefused() {
        write(tx -> {
            assertTrue(tx.find(NotAPort.class).isEmpty());
            assertThrows(UnsupportedStoreException.class, () -> tx.store(NotAPort.class));
            return null;
        });
    }

    /** A port no storage keeps. */
    private interface NotAPort {
    }

    @Test
    void unitReturnsWhatItsWorkReturned() {
        Object result = new Object();
        assertSame(result, write(tx -> result));
        assertSame(result, read(tx -> result));
    }

    @Test
    void committedWorkIsVisibleToLaterUnits() {
        update(tx -> {
            tx.schedule().putResource(resource("dr-a"));
            tx.appointments().insert(appointment("a-1", PATIENT, at("09:00"), at("09:30"), "dr-a"));
            assertEquals(Optional.empty(),
                    tx.claims().claimAll(List.of(claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1")), NOW));
            tx.outbox().append(event("e-1"));
            tx.audit().append(audit("appointment.book", "a-1"));
        });

        assertEquals(Optional.of(resource("dr-a")), read(tx -> tx.schedule().resource(rid("dr-a"))));
        assertEquals(Optional.of(appointment("a-1", PATIENT, at("09:00"), at("09:30"), "dr-a")),
                read(tx -> tx.appointments().find(AppointmentId.of("a-1"))));
        assertEquals(List.of(claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1")),
                read(tx -> tx.claims().owned("appointment:a-1")));
        assertEquals(List.of(event("e-1")), read(tx -> tx.outbox().pending(10)));
        assertEquals(List.of(audit("appointment.book", "a-1")), read(tx -> tx.audit().all()));
        assertTrue((boolean) write(tx -> tx.appointments().find(AppointmentId.of("a-1")).isPresent()),
                "a later writing unit must see committed work too");
    }

    @Test
    void unitThatThrowsLeavesNothingBehindInAnyStore() {
        seedBaseline();
        Map<String, Object> before = snapshot();
        DeliberateFailure failure = new DeliberateFailure();

        DeliberateFailure thrown = assertThrows(DeliberateFailure.class, () -> update(tx -> {
            writeToEveryStore(tx);
            assertEverythingChanged(before, snapshotOf(tx));
            throw failure;
        }));

        assertSame(failure, thrown, "the exception must reach the caller unchanged");
        assertEquals(before, snapshot());
    }

    @Test
    void unitThatThrowsAnErrorLeavesNothingBehindInAnyStore() {
        seedBaseline();
        Map<String, Object> before = snapshot();
        DeliberateError error = new DeliberateError();

        DeliberateError thrown = assertThrows(DeliberateError.class, () -> update(tx -> {
            writeToEveryStore(tx);
            throw error;
        }));

        assertSame(error, thrown, "the error must reach the caller unchanged");
        assertEquals(before, snapshot());
    }

    @Test
    void unitEndedByAStoreRefusalLeavesNothingBehind() {
        seedBaseline();
        Map<String, Object> before = snapshot();

        assertThrows(ConflictException.class, () -> update(tx -> {
            writeToEveryStore(tx);
            tx.appointments().insert(appointment("a-0", PATIENT, at("15:00"), at("15:30"), "dr-c"));
        }));

        assertEquals(before, snapshot());
    }

    @Test
    void rolledBackWorkCanBeDoneAgainAndCommits() {
        seedBaseline();
        List<Map<String, Object>> seenInside = new ArrayList<>();
        assertThrows(DeliberateFailure.class, () -> update(tx -> {
            writeToEveryStore(tx);
            seenInside.add(snapshotOf(tx));
            throw new DeliberateFailure();
        }));

        update(this::writeToEveryStore);

        assertEquals(seenInside.get(0), snapshot(),
                "the same work committed must leave what the rolled-back unit saw: ids and time it used are free again");
    }

    @Test
    void concurrentUnitsAllCommitInOrderPerThread() {
        int threads = 8;
        int perThread = 40;
        Concurrently.run(threads, t -> {
            for (int i = 0; i < perThread; i++) {
                String entity = "t" + t + "-" + i;
                update(tx -> tx.audit().append(audit("test.append", entity)));
            }
        });

        List<AuditRecord> all = read(tx -> tx.audit().all());
        assertEquals(threads * perThread, all.size());
        for (int t = 0; t < threads; t++) {
            String prefix = "t" + t + "-";
            List<String> ofThread = all.stream().map(r -> r.entities().get(0)).filter(e -> e.startsWith(prefix))
                    .collect(Collectors.toList());
            List<String> expected = IntStream.range(0, perThread).mapToObj(i -> prefix + i).collect(Collectors.toList());
            assertEquals(expected, ofThread, "records of thread " + t + " out of append order");
        }
    }

    @Test
    void concurrentReadModifyWriteUnitsLoseNoUpdate() {
        update(tx -> tx.appointments().insert(appointment("a-1", PATIENT, at("09:00"), at("09:30"), "dr-a")));
        int threads = 8;
        int perThread = 20;
        AtomicInteger conflicts = new AtomicInteger();
        Concurrently.run(threads, t -> {
            for (int i = 0; i < perThread; i++) {
                String reason = "touch-" + t + "-" + i;
                for (int attempt = 0; ; attempt++) {
                    assertTrue(attempt < 10_000, "no progress after 10000 attempts");
                    try {
                        update(tx -> {
                            Appointment current = tx.appointments().find(AppointmentId.of("a-1")).orElseThrow();
                            tx.appointments().update(touched(current, reason));
                        });
                        break;
                    } catch (ConflictException e) {
                        assertEquals("concurrent-update", e.code());
                        conflicts.incrementAndGet();
                    }
                }
            }
        });

        Appointment last = read(tx -> tx.appointments().find(AppointmentId.of("a-1"))).orElseThrow();
        assertEquals(1 + threads * perThread, last.version());
        assertEquals(1 + threads * perThread, last.history().size(), "an update was lost (" + conflicts + " conflicts)");
        Set<String> reasons = last.history().stream().map(StatusChange::reasonCode).collect(Collectors.toSet());
        assertEquals(1 + threads * perThread, reasons.size());
    }

    @Test
    void closeIsIdempotent() {
        storage().close();
        storage().close();
    }

    private static Appointment touched(Appointment current, String reason) {
        List<StatusChange> history = new ArrayList<>(current.history());
        history.add(new StatusChange(Optional.of(current.status()), current.status(), NOW, Fixtures.USER, reason, false));
        return new Appointment(current.id(), current.patient(), current.service(), current.start(), current.end(),
                current.resources(), current.status(), current.series(), current.overbooked(), history,
                current.version() + 1, current.facility(), current.reason());
    }

    private void seedBaseline() {
        update(tx -> {
            tx.schedule().putResource(resource("dr-a"));
            tx.schedule().putResource(resource("dr-b"));
            tx.schedule().putService(service("consult"));
            tx.schedule().addTemplate(template("dr-a"));
            tx.schedule().addUnavailability(unavailability("dr-a", at("12:00"), at("13:00")));
            tx.appointments().insert(appointment("a-0", PATIENT, at("09:00"), at("09:30"), "dr-a"));
            assertEquals(Optional.empty(), tx.claims().claimAll(
                    List.of(claim("dr-a", at("09:00"), at("09:30"), "appointment:a-0")), NOW));
            assertEquals(Optional.empty(), tx.claims().claimAll(
                    List.of(holdClaim("dr-b", at("10:00"), at("10:30"), "hold:h-0", END_OF_DAY)), NOW));
            if (keeps(tx, HoldStore.class)) {
                tx.holds().insert(hold("h-0", PATIENT, "dr-b", at("10:00"), at("10:30"), END_OF_DAY));
            }
            if (keeps(tx, IdempotencyStore.class)) {
                tx.idempotency().insert(idempotency("k-0", "f-0", "a-0"));
            }
            if (keeps(tx, WaitlistStore.class)) {
                tx.waitlist().put(waitlistEntry("w-0", "consult", 5, NOW, WaitlistStatus.WAITING));
            }
            tx.outbox().append(event("e-0"));
            tx.audit().append(audit("appointment.book", "a-0"));
            if (keeps(tx, DocumentStore.class)) {
                tx.documents().putType(DocumentType.untilRevoked("t-0", DocumentKind.CONSENT));
                tx.documents().putRequirement(DocumentRequirement.of(ServiceTypeId.of("consult"), DocumentTypeId.of("t-0")));
                tx.documents().insert(document("d-0", PATIENT, "t-0", NOW));
                tx.documents().putResponse(DocumentId.of("d-0"), answers(0));
            }
        });
    }

    /** Changes every snapshot entry except {@link #UNTOUCHED}. */
    private void writeToEveryStore(StorageTransaction tx) {
        tx.schedule().putResource(resource("dr-a", 3));
        tx.schedule().putResource(resource("dr-c"));
        tx.schedule().putService(service("consult").withSlotStep(Duration.ofMinutes(5)));
        tx.schedule().putService(service("follow-up"));
        tx.schedule().addTemplate(template("dr-b"));
        tx.schedule().addUnavailability(unavailability("dr-b", at("12:00"), at("13:00")));
        tx.appointments().insert(appointment("a-1", PATIENT, at("11:00"), at("11:30"), "dr-b", "dr-c"));
        Appointment a0 = tx.appointments().find(AppointmentId.of("a-0")).orElseThrow();
        tx.appointments().update(moved(a0, at("14:00"), at("14:30"), "dr-b"));
        assertEquals(Optional.empty(), tx.claims().claimAll(List.of(
                claim("dr-b", at("11:00"), at("11:30"), "appointment:a-1"),
                claim("dr-c", at("11:00"), at("11:30"), "appointment:a-1")), NOW));
        assertEquals(1, tx.claims().release("appointment:a-0"));
        assertEquals(1, tx.claims().transfer("hold:h-0", "appointment:a-2"));
        if (keeps(tx, HoldStore.class)) {
            tx.holds().insert(hold("h-1", PATIENT, "dr-c", at("16:00"), at("16:30"), END_OF_DAY));
            assertTrue(tx.holds().delete(HoldId.of("h-0")));
        }
        if (keeps(tx, IdempotencyStore.class)) {
            tx.idempotency().insert(idempotency("k-1", "f-1", "a-1"));
        }
        if (keeps(tx, WaitlistStore.class)) {
            tx.waitlist().put(waitlistEntry("w-0", "consult", 5, NOW, WaitlistStatus.CLOSED));
            tx.waitlist().put(waitlistEntry("w-1", "consult", 9, NOW, WaitlistStatus.WAITING));
        }
        tx.outbox().markDelivered("e-0");
        tx.outbox().append(event("e-1"));
        tx.audit().append(audit("appointment.book", "a-1"));
        if (keeps(tx, DocumentStore.class)) {
            tx.documents().putType(DocumentType.of("t-0", DocumentKind.CONSENT, Duration.ofDays(1)));
            tx.documents().putType(DocumentType.untilRevoked("t-1", DocumentKind.SCREENING));
            tx.documents().putRequirement(DocumentRequirement.none(ServiceTypeId.of("consult")));
            tx.documents().putRequirement(DocumentRequirement.of(ServiceTypeId.of("follow-up"), DocumentTypeId.of("t-1")));
            PatientDocument d0 = tx.documents().find(DocumentId.of("d-0")).orElseThrow();
            tx.documents().update(completed(d0, NOW, Optional.of(END_OF_DAY)));
            tx.documents().insert(document("d-1", PATIENT, "t-1", NOW));
            tx.documents().putResponse(DocumentId.of("d-0"), answers(1));
            tx.documents().putResponse(DocumentId.of("d-1"), answers(2));
            tx.documents().putQuestionnaire(Questionnaire.of(DocumentTypeId.of("t-1"),
                    QuestionnaireItem.required("metal", AnswerType.BOOLEAN)));
        }
    }

    private static void assertEverythingChanged(Map<String, Object> before, Map<String, Object> inside) {
        List<String> unchanged = new ArrayList<>();
        for (Map.Entry<String, Object> entry : before.entrySet()) {
            if (!UNTOUCHED.contains(entry.getKey()) && Objects.equals(entry.getValue(), inside.get(entry.getKey()))) {
                unchanged.add(entry.getKey());
            }
        }
        assertEquals(List.of(), unchanged, "writes inside the unit must be visible to the unit itself");
    }

    private Map<String, Object> snapshot() {
        return read(StorageContract::snapshotOf);
    }

    private static Map<String, Object> snapshotOf(StorageTransaction tx) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("resources", tx.schedule().resources());
        s.put("services", tx.schedule().services());
        s.put("templates", tx.schedule().templates(RESOURCES));
        s.put("unavailability", tx.schedule().unavailability(RESOURCES, DAY, END_OF_DAY));
        for (String id : List.of("a-0", "a-1")) {
            s.put("appointment " + id, tx.appointments().find(AppointmentId.of(id)));
        }
        s.put("forPatient", tx.appointments().forPatient(PatientId.of(PATIENT), DAY, END_OF_DAY));
        for (ResourceId r : RESOURCES) {
            s.put("forResource " + r, tx.appointments().forResource(r, DAY, END_OF_DAY));
        }
        s.put("active claims", tx.claims().active(RESOURCES, DAY, END_OF_DAY, NOW));
        for (String owner : OWNERS) {
            s.put("owned " + owner, tx.claims().owned(owner));
        }
        for (String id : List.of("h-0", "h-1")) {
            if (keeps(tx, HoldStore.class)) {
                s.put("hold " + id, tx.holds().find(HoldId.of(id)));
            }
        }
        for (String key : List.of("k-0", "k-1")) {
            if (keeps(tx, IdempotencyStore.class)) {
                s.put("idempotency " + key, tx.idempotency().find(IdempotencyKey.of(key)));
            }
        }
        for (String id : List.of("w-0", "w-1")) {
            if (keeps(tx, WaitlistStore.class)) {
                s.put("waitlist " + id, tx.waitlist().find(WaitlistEntryId.of(id)));
            }
        }
        if (keeps(tx, WaitlistStore.class)) {
            s.put("waitlist open", tx.waitlist().open(ServiceTypeId.of("consult")));
        }
        s.put("outbox pending", tx.outbox().pending(100));
        s.put("audit", tx.audit().all());
        if (keeps(tx, DocumentStore.class)) {
            s.put("document types", tx.documents().types());
        }
        for (String id : List.of("t-0", "t-1")) {
            if (keeps(tx, DocumentStore.class)) {
                s.put("document type " + id, tx.documents().findType(DocumentTypeId.of(id)));
            }
        }
        for (String service : List.of("consult", "follow-up")) {
            if (keeps(tx, DocumentStore.class)) {
                s.put("requirement " + service, tx.documents().requirement(ServiceTypeId.of(service)));
            }
        }
        for (String id : List.of("d-0", "d-1")) {
            if (keeps(tx, DocumentStore.class)) {
                s.put("document " + id, tx.documents().find(DocumentId.of(id)));
                s.put("response " + id, tx.documents().response(DocumentId.of(id)));
            }
        }
        if (keeps(tx, DocumentStore.class)) {
            s.put("documents of patient", tx.documents().forPatient(PatientId.of(PATIENT)));
            s.put("questionnaire t-1", tx.documents().questionnaire(DocumentTypeId.of("t-1")));
        }
        return s;
    }

    /** Whether the storage keeps a port: the stores of features it may leave out are written only when it does. */
    private static boolean keeps(StorageTransaction tx, Class<?> port) {
        return tx.find(port).isPresent();
    }

    /** Thrown by test work to end a unit. */
    private static final class DeliberateFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliberateFailure() {
            super("deliberate failure to end the unit");
        }
    }

    /** Thrown by test work to end a unit with an error rather than an exception. */
    private static final class DeliberateError extends Error {
        private static final long serialVersionUID = 1L;

        DeliberateError() {
            super("deliberate error to end the unit");
        }
    }

    @Test
    void calendarReadAnswersAsTheThreeReadsItStandsFor() {
        update(tx -> {
            tx.schedule().putResource(resource("dr-a"));
            tx.schedule().putResource(resource("dr-b"));
            tx.schedule().putResource(resource("dr-c"));
            tx.claims().claimAll(List.of(claim("dr-a", at("09:00"), at("09:30"), "appointment:a1"),
                    claim("dr-b", at("09:15"), at("09:45"), "appointment:a2"),
                    claim("dr-c", at("09:00"), at("10:00"), "appointment:a3")), NOW);
            tx.claims().claimAll(List.of(holdClaim("dr-a", at("10:00"), at("10:30"), "hold:h1", NOW.minusSeconds(1))),
                    NOW.minusSeconds(60));
            tx.appointments().insert(appointment("a1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            tx.appointments().insert(appointment("a2", "p-2", at("09:15"), at("09:45"), "dr-b"));
            tx.appointments().insert(appointment("a9", "p-1", at("14:00"), at("14:30"), "dr-c"));
        });
        CalendarQuery both = new CalendarQuery(List.of(rid("dr-a"), rid("dr-b")), at("08:00"), at("11:00"), NOW,
                Optional.of(PatientId.of("p-1")), at("08:00"), at("12:00"));
        CalendarQuery claimsOnly = new CalendarQuery(List.of(rid("dr-b")), at("09:40"), at("11:00"), NOW,
                Optional.empty(), at("08:00"), at("12:00"));
        CalendarQuery patientOnly = new CalendarQuery(List.of(), at("08:00"), at("11:00"), NOW,
                Optional.of(PatientId.of("p-1")), at("08:00"), at("15:00"));
        for (CalendarQuery query : List.of(both, claimsOnly, patientOnly)) {
            CalendarRead expected = read(tx -> separately(tx, query));
            assertEquals(expected, read(tx -> tx.calendar(query)), "read-only unit");
            assertEquals(expected, write(tx -> tx.calendar(query)), "writing unit");
            assertEquals(expected, read(tx -> tx.calendar(query.asFinishing())), "read-only unit, finishing");
            assertEquals(expected, write(tx -> tx.calendar(query.asFinishing())), "writing unit, finishing");
        }
        CalendarRead read = read(tx -> tx.calendar(both));
        assertEquals(List.of("appointment:a1", "appointment:a2"), read.claims().stream().map(Claim::owner).toList());
        assertEquals(List.of(AppointmentId.of("a1")), read.patientAppointments().stream().map(Appointment::id).toList());

        // The unit's own writes are seen, as by the separate reads.
        write(tx -> {
            tx.claims().claimAll(List.of(claim("dr-a", at("10:30"), at("11:00"), "appointment:a4")), NOW);
            tx.appointments().insert(appointment("a4", "p-1", at("10:30"), at("11:00"), "dr-a"));
            CalendarRead inside = tx.calendar(both);
            assertEquals(separately(tx, both), inside);
            assertTrue(inside.claims().stream().anyMatch(c -> c.owner().equals("appointment:a4")));
            assertTrue(inside.patientAppointments().stream().anyMatch(a -> a.id().equals(AppointmentId.of("a4"))));
            return null;
        });
    }

    /** A calendar query touching what {@link #writeToEveryStore} writes, marked finishing. */
    private static final CalendarQuery FINISHING = new CalendarQuery(RESOURCES, DAY, END_OF_DAY, NOW,
            Optional.of(PatientId.of(PATIENT)), DAY, END_OF_DAY).asFinishing();

    @Test
    void finishingReadSeesTheUnitsWritesAndTheyCommit() {
        seedBaseline();
        Map<String, Object> before = snapshot();
        List<Map<String, Object>> inside = new ArrayList<>();

        update(tx -> {
            writeToEveryStore(tx);
            // Held back by a storage that sends writes with the next read: it goes with the finishing one.
            tx.audit().append(audit("appointment.search", "consult"));
            CalendarRead read = tx.calendar(FINISHING);
            assertEquals(separately(tx, FINISHING), read, "a finishing read answers as the three reads");
            assertTrue(read.patientAppointments().stream().anyMatch(a -> a.id().equals(AppointmentId.of("a-1"))),
                    "a finishing read sees the unit's own writes");
            assertTrue(read.claims().stream().anyMatch(c -> c.owner().equals("appointment:a-1")),
                    "a finishing read sees the unit's own claims");
            inside.add(snapshotOf(tx));
        });

        assertEverythingChanged(before, inside.get(0));
        assertEquals(inside.get(0), snapshot(), "reads after the finishing read see every write, and all commit");
        assertTrue(read(tx -> tx.audit().all()).contains(audit("appointment.search", "consult")),
                "the write held back for the finishing read committed too");
    }

    @Test
    void writeAfterAFinishingReadIsRefusedBeforeItHasAnyEffect() {
        seedBaseline();
        Map<String, Object> before = snapshot();
        List<Map<String, Object>> inside = new ArrayList<>();

        update(tx -> {
            writeToEveryStore(tx);
            tx.calendar(FINISHING);
            assertThrows(IllegalStateException.class, () -> tx.audit().append(audit("late", "x")));
            assertThrows(IllegalStateException.class,
                    () -> tx.appointments().insert(appointment("a-9", PATIENT, at("17:00"), at("17:30"), "dr-c")));
            assertThrows(IllegalStateException.class, () -> tx.claims().claimAll(
                    List.of(claim("dr-c", at("17:00"), at("17:30"), "appointment:a-9")), NOW));
            assertThrows(IllegalStateException.class, () -> tx.schedule().putResource(resource("dr-z")));
            assertThrows(IllegalStateException.class, () -> tx.outbox().append(event("e-9")));
            assertThrows(IllegalStateException.class, () -> storage().inTransaction(nested -> {
                nested.holds().insert(hold("h-9", PATIENT, "dr-c", at("17:00"), at("17:30"), END_OF_DAY));
                return null;
            }), "units nested in a finished unit write nothing either");
            // Reads stay allowed; a nested read-only unit too.
            inside.add(snapshotOf(tx));
            assertEquals(inside.get(0), storage().read(StorageContract::snapshotOf));
        });

        assertEverythingChanged(before, inside.get(0));
        assertEquals(inside.get(0), snapshot(), "the refused writes left nothing; the earlier ones all committed");
    }

    @Test
    void unitThatThrowsAfterAFinishingReadKeepsAllOrNoneOfItsWrites() {
        seedBaseline();
        Map<String, Object> before = snapshot();
        List<Map<String, Object>> inside = new ArrayList<>();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> update(tx -> {
            writeToEveryStore(tx);
            tx.audit().append(audit("appointment.search", "consult"));
            tx.calendar(FINISHING);
            inside.add(snapshotOf(tx));
            tx.audit().append(audit("late", "x"));
        }));
        assertNotNull(refused.getMessage());

        assertEverythingChanged(before, inside.get(0));
        Map<String, Object> after = snapshot();
        assertTrue(after.equals(before) || after.equals(inside.get(0)),
                "the unit's writes before the finishing read must all commit (with the read) or all roll back, "
                        + "and the refused write must leave nothing; found " + after);
    }

    @Test
    void finishingReadInANestedUnitLeavesTheOuterUnitFreeToWrite() {
        seedBaseline();

        update(tx -> {
            tx.audit().append(audit("appointment.search", "consult"));
            storage().inTransaction(nested -> nested.calendar(FINISHING));
            storage().read(nested -> nested.calendar(FINISHING));
            tx.audit().append(audit("appointment.book", "a-5"));
            storage().inTransaction(nested -> {
                nested.outbox().append(event("e-5"));
                return null;
            });
        });

        List<AuditRecord> audit = read(tx -> tx.audit().all());
        assertTrue(audit.contains(audit("appointment.search", "consult")));
        assertTrue(audit.contains(audit("appointment.book", "a-5")));
        assertTrue(read(tx -> tx.outbox().pending(100)).contains(event("e-5")));
    }

    private static CalendarRead separately(StorageTransaction tx, CalendarQuery query) {
        return new CalendarRead(tx.schedule().version(),
                query.resources().isEmpty() ? List.of()
                        : tx.claims().active(query.resources(), query.from(), query.to(), query.now()),
                query.patient().isEmpty() ? List.of()
                        : tx.appointments().forPatient(query.patient().get(), query.patientFrom(), query.patientTo()));
    }
}
