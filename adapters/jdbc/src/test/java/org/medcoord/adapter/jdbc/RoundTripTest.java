package org.medcoord.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medcoord.spi.testkit.Fixtures.NOW;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldId;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.appointment.SeriesId;
import org.medcoord.api.appointment.StatusChange;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistEntryId;
import org.medcoord.api.appointment.WaitlistRequest;
import org.medcoord.api.appointment.WaitlistStatus;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.TimeOfDay;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.UnavailabilityKind;
import org.medcoord.api.schedule.WeeklyHours;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.IdempotencyRecord;
import org.medcoord.spi.storage.OutboxRecord;
import org.medcoord.spi.storage.PendingEvent;
import org.medcoord.spi.storage.TransactionWork;

/**
 * Every record type comes back exactly as stored on both databases, once with every optional part
 * set (instants to the nanosecond, text with colons, digits, dashes, quotes and non-Latin letters)
 * and once with every optional part empty.
 */
class RoundTripTest {
    /** Nanoseconds that PostgreSQL's timestamptz would have lost. */
    private static final Instant T = Instant.parse("2030-01-07T09:00:00.123456789Z");
    private static final Instant LATE = Instant.parse("2261-12-31T23:59:59.999999999Z");
    private static final Instant EARLY = Instant.parse("1677-09-22T00:00:00.000000001Z");
    private static final String AWKWARD = "3:ab-:-\u00e9\u00e8 \u6f22\u5b57 'q' \"dq\" ;, 10:x";
    private static final ResourceId DR = ResourceId.of("dr-a");
    private static final ResourceId ROOM = ResourceId.of("room:1");

    @TempDir
    Path dir;

    private JdbcStorage storage;

    @AfterEach
    void close() {
        if (storage != null) {
            storage.close();
        }
    }

    private <T> List<T> list(TransactionWork<List<T>> work) {
        return storage.read(work);
    }

    private <T> Optional<T> one(TransactionWork<Optional<T>> work) {
        return storage.read(work);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void scheduleRecords(Backend backend) {
        storage = JdbcStorage.open(backend.fresh(dir));
        Resource full = new Resource(DR, ResourceKind.DEVICE, AWKWARD, ZoneId.of("America/Argentina/ComodRivadavia"), 1000,
                Set.of("mri", "3t", "a:b", "x-ray_2"), "site:north");
        Resource bare = new Resource(ROOM, ResourceKind.LOCATION, "R", ZoneId.of("UTC"), 1, Set.of(), "s");
        ServiceType service = new ServiceType(ServiceTypeId.of("scan"), AWKWARD, Duration.ofMinutes(45),
                List.of(ResourceRequirement.of("device", ResourceKind.DEVICE, "mri", "3t"),
                        ResourceRequirement.of("room", ResourceKind.LOCATION)),
                Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMillis(1500).plusNanos(1),
                Duration.ofDays(3650), Duration.ofMinutes(5));
        ServiceType plain = ServiceType.of("consult", "C", Duration.ofMinutes(30),
                ResourceRequirement.of("provider", ResourceKind.PRACTITIONER));
        WeeklyTemplate bounded = new WeeklyTemplate(DR, LocalDate.of(2030, 1, 1), Optional.of(LocalDate.of(2030, 6, 30)),
                List.of(new WeeklyHours(DayOfWeek.SUNDAY, LocalTime.of(7, 0, 0, 1), LocalTime.of(23, 59, 59, 999_999_999)),
                        WeeklyHours.of(DayOfWeek.MONDAY, "08:00", "12:00")));
        WeeklyTemplate open = new WeeklyTemplate(ROOM, LocalDate.of(2030, 1, 1), Optional.empty(), List.of());
        Unavailability leave = new Unavailability(DR, EARLY, LATE, UnavailabilityKind.HOLIDAY, AWKWARD);
        Unavailability block = new Unavailability(ROOM, T, T.plusNanos(1), UnavailabilityKind.CLOSURE, "c");

        storage.inTransaction(tx -> {
            tx.schedule().putResource(full);
            tx.schedule().putResource(bare);
            tx.schedule().putService(service);
            tx.schedule().putService(plain);
            tx.schedule().addTemplate(bounded);
            tx.schedule().addTemplate(open);
            tx.schedule().addUnavailability(leave);
            tx.schedule().addUnavailability(block);
            return null;
        });

        assertThat(list(tx -> tx.schedule().resources())).containsExactly(full, bare);
        assertThat(list(tx -> tx.schedule().services())).containsExactly(plain, service);
        assertThat(list(tx -> tx.schedule().templates(List.of(DR, ROOM)))).containsExactly(bounded, open);
        assertThat(list(tx -> tx.schedule().unavailability(List.of(DR, ROOM), Instant.MIN, Instant.MAX)))
                .containsExactly(leave, block);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void appointmentsWithEveryPartAndWithNone(Backend backend) {
        storage = JdbcStorage.open(backend.fresh(dir));
        List<StatusChange> history = List.of(
                new StatusChange(Optional.empty(), AppointmentStatus.PROPOSED, T, UserId.of("u-1"), "", false),
                new StatusChange(Optional.of(AppointmentStatus.PROPOSED), AppointmentStatus.BOOKED, T.plusNanos(1),
                        UserId.of("u-2"), AWKWARD, true),
                new StatusChange(Optional.of(AppointmentStatus.BOOKED), AppointmentStatus.CHECKED_IN, LATE,
                        UserId.of("u-2"), "-", false));
        Appointment full = new Appointment(AppointmentId.of("a-full"), PatientId.of("p-1"), ServiceTypeId.of("scan"), T,
                T.plus(Duration.ofMinutes(45)), List.of(new RoleAssignment("device", DR), new RoleAssignment("room", ROOM),
                        new RoleAssignment("backup", DR)), AppointmentStatus.CHECKED_IN,
                Optional.of(SeriesId.of("s-1")), true, history, 7, FacilityId.of("fac-north"),
                Optional.of(VisitReason.of("Follow-up: \"palpitations\" | 2 weeks; ünïcode\n2nd line", "I48.91", "R00.2")));
        Appointment bare = new Appointment(AppointmentId.of("a-bare"), PatientId.of("p-2"), ServiceTypeId.of("scan"), T,
                T.plusSeconds(1), List.of(), AppointmentStatus.WAITLIST, Optional.empty(), false, List.of(), 1,
                FacilityId.of("fac-1"), Optional.empty());

        storage.inTransaction(tx -> {
            tx.appointments().insert(full);
            tx.appointments().insert(bare);
            return null;
        });

        assertThat(one(tx -> tx.appointments().find(full.id()))).contains(full);
        assertThat(one(tx -> tx.appointments().find(bare.id()))).contains(bare);
        assertThat(list(tx -> tx.appointments().forResource(DR, T, T.plusSeconds(1)))).containsExactly(full);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void holdsIdempotencyClaimsAndAudit(Backend backend) {
        storage = JdbcStorage.open(backend.fresh(dir));
        Hold full = new Hold(HoldId.of("h-1"), PatientId.of("p-1"), new SlotOption(ServiceTypeId.of("scan"), T,
                T.plusSeconds(2700), List.of(new RoleAssignment("device", DR), new RoleAssignment("room", ROOM))),
                T.plusNanos(999));
        Hold bare = new Hold(HoldId.of("h-2"), PatientId.of("p-2"), new SlotOption(ServiceTypeId.of("scan"), T, T,
                List.of()), EARLY);
        IdempotencyRecord key = new IdempotencyRecord(IdempotencyKey.of("k:1"), AWKWARD, "a-1", T);
        Claim expiring = new Claim(DR, T, T.plusSeconds(60), "hold:h-1", Optional.of(T.plusNanos(1)), false);
        Claim override = new Claim(ROOM, T, T.plusSeconds(60), "appointment:" + AWKWARD.substring(0, 20),
                Optional.empty(), true);
        AuditRecord full2 = new AuditRecord(T, UserId.of("u-1"), Optional.of(UserId.of("u-boss")), FacilityId.of("f-1"), NodeId.of("node-a"),
                Purpose.EMERGENCY, AWKWARD, List.of("a-1", "p-1", "", "x:y"), Optional.of(PatientId.of("p-1")),
                AuditOutcome.DENIED, AWKWARD);
        AuditRecord bare2 = new AuditRecord(EARLY, UserId.of("u-1"), Optional.empty(), FacilityId.of("f-1"), NodeId.of("n"),
                Purpose.RESEARCH, "a", List.of(), Optional.empty(), AuditOutcome.FAILED, "");

        storage.inTransaction(tx -> {
            tx.schedule().putResource(new Resource(DR, ResourceKind.DEVICE, "D", ZoneId.of("UTC"), 1, Set.of(), "s"));
            tx.schedule().putResource(new Resource(ROOM, ResourceKind.LOCATION, "R", ZoneId.of("UTC"), 1, Set.of(), "s"));
            tx.holds().insert(full);
            tx.holds().insert(bare);
            tx.idempotency().insert(key);
            assertThat(tx.claims().claimAll(List.of(expiring, override), NOW)).isEmpty();
            tx.audit().append(full2);
            tx.audit().append(bare2);
            return null;
        });

        assertThat(one(tx -> tx.holds().find(full.id()))).contains(full);
        assertThat(one(tx -> tx.holds().find(bare.id()))).contains(bare);
        assertThat(one(tx -> tx.idempotency().find(key.key()))).contains(key);
        assertThat(list(tx -> tx.claims().owned("hold:h-1"))).containsExactly(expiring);
        assertThat(list(tx -> tx.claims().owned(override.owner()))).containsExactly(override);
        assertThat(list(tx -> tx.audit().all())).containsExactly(full2, bare2);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void waitlistEntriesWithEveryPartWithNoneAndWithNulls(Backend backend) {
        storage = JdbcStorage.open(backend.fresh(dir));
        Preferences everything = new Preferences(Set.of("north", "south"), Set.of(DR), Set.of(ROOM, DR),
                Set.of(TimeOfDay.MORNING, TimeOfDay.EVENING), Optional.of(ZoneId.of("Europe/Berlin")));
        WaitlistEntry full = new WaitlistEntry(WaitlistEntryId.of("w-1"), new WaitlistRequest(PatientId.of("p-1"),
                ServiceTypeId.of("scan"), T, LATE, 9, everything), WaitlistStatus.OFFERED, T.plusNanos(5),
                Optional.of(new SlotOption(ServiceTypeId.of("scan"), T, T.plusSeconds(60),
                        List.of(new RoleAssignment("device", DR)))), Optional.of(AppointmentId.of("a-1")));
        WaitlistEntry none = new WaitlistEntry(WaitlistEntryId.of("w-2"), new WaitlistRequest(PatientId.of("p-2"),
                ServiceTypeId.of("scan"), T, T, 0, Preferences.NONE), WaitlistStatus.WAITING, T, Optional.empty(),
                Optional.empty());
        WaitlistEntry nulls = new WaitlistEntry(WaitlistEntryId.of("w-3"), new WaitlistRequest(null,
                ServiceTypeId.of("scan"), null, null, 5, null), WaitlistStatus.CLOSED, T, Optional.empty(),
                Optional.empty());

        storage.inTransaction(tx -> {
            tx.waitlist().put(full);
            tx.waitlist().put(none);
            tx.waitlist().put(nulls);
            return null;
        });

        assertThat(one(tx -> tx.waitlist().find(full.id()))).contains(full);
        assertThat(one(tx -> tx.waitlist().find(none.id()))).contains(none);
        assertThat(one(tx -> tx.waitlist().find(nulls.id()))).contains(nulls);
        assertThat(list(tx -> tx.waitlist().open(ServiceTypeId.of("scan")))).containsExactly(full, none);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void outboxRecordsAndTheirDeliveryState(Backend backend) {
        storage = JdbcStorage.open(backend.fresh(dir));
        OutboxRecord record = new OutboxRecord("e:1", "appointment.booked", AWKWARD,
                "{\"id\":\"a-1\",\n\"note\":\"" + AWKWARD.replace("\"", "'") + "\"}", T);
        OutboxRecord other = new OutboxRecord("e-2", "t", "a", "", EARLY);
        storage.inTransaction(tx -> {
            tx.outbox().append(record);
            tx.outbox().append(other);
            tx.outbox().retryLater("e:1", 3, LATE, AWKWARD);
            tx.outbox().park("e-2", 8, "listener-failed:x");
            return null;
        });

        assertThat(list(tx -> tx.outbox().pending(10))).containsExactly(record);
        List<PendingEvent> due = storage.inTransaction(tx -> tx.outbox().claimDue(LATE, 10));
        assertThat(due).containsExactly(new PendingEvent(record, 3, LATE, Optional.of(AWKWARD)));
        assertThat(list(tx -> tx.outbox().parked(10)))
                .containsExactly(new PendingEvent(other, 8, EARLY, Optional.of("listener-failed:x")));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void instantsOutsideTheStorableRangeAreRefusedNamingTheField(Backend backend) {
        storage = JdbcStorage.open(backend.fresh(dir));
        Instant tooLate = Instant.parse("2262-04-12T00:00:00Z");
        storage.inTransaction(tx -> {
            tx.schedule().putResource(new Resource(DR, ResourceKind.DEVICE, "D", ZoneId.of("UTC"), 1, Set.of(), "s"));
            return null;
        });

        assertThatThrownBy(() -> storage.inTransaction(tx -> tx.claims().claimAll(List.of(
                new Claim(DR, T, tooLate, "appointment:a-1", Optional.empty(), false)), NOW)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("claims[0].end: must be between");
        assertThat(list(tx -> tx.claims().active(List.of(DR), Instant.MIN, Instant.MAX, Instant.MIN))).isEmpty();
    }
}
