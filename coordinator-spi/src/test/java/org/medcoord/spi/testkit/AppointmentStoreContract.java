package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.medcoord.spi.testkit.Fixtures.DAY;
import static org.medcoord.spi.testkit.Fixtures.appointment;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.moved;
import static org.medcoord.spi.testkit.Fixtures.rid;
import static org.medcoord.spi.testkit.Fixtures.withStatus;
import static org.medcoord.spi.testkit.Fixtures.withVersion;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.SeriesId;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;

/**
 * The contract of {@link org.medcoord.spi.storage.AppointmentStore}: appointments come back as
 * stored, updates are optimistic on the version, and the period queries return every appointment
 * overlapping the half-open period, ordered by start then id.
 *
 * @since 0.1
 */
public class AppointmentStoreContract extends ContractSupport {
    private static final AppointmentId A1 = AppointmentId.of("a-1");
    private static final PatientId P1 = PatientId.of("p-1");

    /** For subclasses. */
    protected AppointmentStoreContract() {
    }

    @Test
    void insertedAppointmentIsFoundWithEveryField() {
        Appointment booked = withStatus(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a", "room-1"),
                AppointmentStatus.ARRIVED);
        Appointment inSeries = new Appointment(booked.id(), booked.patient(), booked.service(), booked.start(),
                booked.end(), booked.resources(), booked.status(), Optional.of(SeriesId.of("s-1")), true,
                booked.history(), 1, booked.facility(), Optional.of(VisitReason.of("chest pain on exertion", "R07.9", "I20.9")));
        update(tx -> tx.appointments().insert(inSeries));

        assertEquals(Optional.of(inSeries), read(tx -> tx.appointments().find(A1)));
        assertEquals(Optional.empty(), read(tx -> tx.appointments().find(AppointmentId.of("a-2"))));
    }

    @Test
    void insertingAnExistingIdIsAConflictAndKeepsTheFirst() {
        Appointment first = appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a");
        update(tx -> tx.appointments().insert(first));

        assertThrows(ConflictException.class, () -> update(tx -> tx.appointments().insert(
                appointment("a-1", "p-2", at("11:00"), at("11:30"), "dr-b"))));

        assertEquals(Optional.of(first), read(tx -> tx.appointments().find(A1)));
        assertEquals(List.of(), read(tx -> tx.appointments().forResource(rid("dr-b"), DAY, at(1, "00:00"))));
    }

    @Test
    void updateWithTheNextVersionReplaces() {
        Appointment first = appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a");
        Appointment second = withStatus(first, AppointmentStatus.ARRIVED);
        Appointment third = withStatus(second, AppointmentStatus.FULFILLED);
        update(tx -> tx.appointments().insert(first));
        update(tx -> tx.appointments().update(second));
        update(tx -> tx.appointments().update(third));

        assertEquals(Optional.of(third), read(tx -> tx.appointments().find(A1)));
        assertEquals(3, third.version());
    }

    @Test
    void updateWithTheSameVersionIsAConcurrentUpdate() {
        Appointment first = appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a");
        update(tx -> tx.appointments().insert(first));

        assertConcurrentUpdate(withVersion(withStatus(first, AppointmentStatus.CANCELLED), 1));
        assertEquals(Optional.of(first), read(tx -> tx.appointments().find(A1)));
    }

    @Test
    void updateSkippingAVersionIsAConcurrentUpdate() {
        Appointment first = appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a");
        update(tx -> tx.appointments().insert(first));

        assertConcurrentUpdate(withVersion(withStatus(first, AppointmentStatus.CANCELLED), 3));
        assertEquals(Optional.of(first), read(tx -> tx.appointments().find(A1)));
    }

    @Test
    void secondUpdateFromTheSameReadIsAConcurrentUpdate() {
        Appointment first = appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a");
        Appointment cancelled = withStatus(first, AppointmentStatus.CANCELLED);
        Appointment arrived = withStatus(first, AppointmentStatus.ARRIVED);
        update(tx -> tx.appointments().insert(first));
        update(tx -> tx.appointments().update(cancelled));

        assertConcurrentUpdate(arrived);
        assertEquals(Optional.of(cancelled), read(tx -> tx.appointments().find(A1)));
    }

    @Test
    void updatingAnUnknownAppointmentIsNotFound() {
        Appointment next = withStatus(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"),
                AppointmentStatus.CANCELLED);

        NotFoundException e = assertThrows(NotFoundException.class, () -> update(tx -> tx.appointments().update(next)));
        assertEquals("a-1", e.id());
        assertEquals(Optional.empty(), read(tx -> tx.appointments().find(A1)));
    }

    @Test
    void forPatientReturnsAppointmentsOverlappingTheHalfOpenPeriod() {
        Appointment nine = appointment("a-1", "p-1", at("09:00"), at("10:00"), "dr-a");
        update(tx -> {
            tx.appointments().insert(nine);
            tx.appointments().insert(appointment("a-2", "p-2", at("09:00"), at("10:00"), "dr-b"));
        });

        assertEquals(List.of(), forPatient(at("10:00"), at("11:00")));
        assertEquals(List.of(), forPatient(at("08:00"), at("09:00")));
        assertEquals(List.of(nine), forPatient(at("09:59"), at("10:30")));
        assertEquals(List.of(nine), forPatient(at("08:00"), at("09:01")));
        assertEquals(List.of(nine), forPatient(at("09:10"), at("09:20")));
        assertEquals(List.of(nine), forPatient(at("08:00"), at("11:00")));
        assertEquals(List.of(), read(tx -> tx.appointments().forPatient(PatientId.of("p-3"), DAY, at(1, "00:00"))));
    }

    @Test
    void forPatientReturnsEveryStatusOrderedByStartThenId() {
        Appointment b10 = appointment("b", "p-1", at("10:00"), at("10:30"), "dr-a");
        Appointment a10 = withStatus(appointment("a", "p-1", at("10:00"), at("10:30"), "dr-b"),
                AppointmentStatus.CANCELLED);
        Appointment c9 = withStatus(appointment("c", "p-1", at("09:00"), at("09:30"), "dr-c"), AppointmentStatus.NOSHOW);
        update(tx -> tx.appointments().insert(b10));
        update(tx -> {
            tx.appointments().insert(a10);
            tx.appointments().insert(c9);
        });

        assertEquals(List.of(c9, a10, b10), forPatient(DAY, at(1, "00:00")));
    }

    @Test
    void forResourceReturnsAppointmentsUsingItInAnyRole() {
        Appointment provider = appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a", "room-1");
        Appointment room = appointment("a-2", "p-2", at("09:30"), at("10:00"), "dr-b", "room-1");
        Appointment elsewhere = appointment("a-3", "p-3", at("09:00"), at("09:30"), "dr-c", "room-2");
        update(tx -> {
            tx.appointments().insert(room);
            tx.appointments().insert(provider);
            tx.appointments().insert(elsewhere);
        });

        assertEquals(List.of(provider, room), forResource("room-1", at("08:00"), at("12:00")));
        assertEquals(List.of(provider), forResource("dr-a", at("08:00"), at("12:00")));
        assertEquals(List.of(room), forResource("room-1", at("09:30"), at("12:00")));
        assertEquals(List.of(provider), forResource("room-1", at("08:00"), at("09:30")));
        assertEquals(List.of(), forResource("room-3", at("08:00"), at("12:00")));
    }

    @Test
    void forResourcesListsEachAppointmentOnceOrderedByStartThenId() {
        Appointment both = appointment("a-2", "p-1", at("09:00"), at("09:30"), "dr-a", "room-1");
        Appointment sameStart = appointment("a-1", "p-2", at("09:00"), at("09:30"), "dr-b", "room-2");
        Appointment roomOnly = appointment("a-0", "p-3", at("08:30"), at("09:00"), "dr-c", "room-1");
        Appointment outside = appointment("a-3", "p-4", at("11:00"), at("11:30"), "dr-a");
        Appointment unasked = appointment("a-4", "p-5", at("09:00"), at("09:30"), "dr-d", "room-3");
        update(tx -> {
            for (Appointment a : List.of(outside, unasked, both, roomOnly, sameStart)) {
                tx.appointments().insert(a);
            }
        });

        assertEquals(List.of(roomOnly, sameStart, both), read(tx -> tx.appointments().forResources(
                List.of(rid("room-1"), rid("dr-a"), rid("dr-b"), rid("room-9")), at("08:00"), at("10:00"))));
        assertEquals(List.of(sameStart, both, outside), read(tx -> tx.appointments().forResources(
                List.of(rid("dr-a"), rid("room-2")), at("09:00"), at("12:00"))));
        assertEquals(List.of(), read(tx -> tx.appointments().forResources(List.of(), DAY, at(1, "00:00"))));
    }

    @Test
    void longAppointmentSpanningThePeriodIsReturned() {
        Appointment allDay = appointment("a-long", "p-1", DAY.minus(Duration.ofDays(2)), at(2, "00:00"), "dr-a");
        Appointment shortOne = appointment("a-short", "p-2", at("14:00"), at("14:15"), "dr-a");
        update(tx -> {
            tx.appointments().insert(shortOne);
            tx.appointments().insert(allDay);
        });

        assertEquals(List.of(allDay), forResource("dr-a", at("09:00"), at("09:05")));
        assertEquals(List.of(allDay, shortOne), forResource("dr-a", at("14:10"), at("14:20")));
        assertEquals(List.of(allDay), forPatient(at("09:00"), at("09:05")));
    }

    @Test
    void updateMovesTheAppointmentInThePeriodQueries() {
        Appointment first = appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a", "room-1");
        Appointment later = moved(first, at(1, "15:00"), at(1, "15:30"), "dr-b", "room-1");
        update(tx -> tx.appointments().insert(first));
        update(tx -> tx.appointments().update(later));

        assertEquals(List.of(), forResource("dr-a", DAY, at(3, "00:00")));
        assertEquals(List.of(later), forResource("dr-b", DAY, at(3, "00:00")));
        assertEquals(List.of(), forResource("room-1", at("08:00"), at("12:00")));
        assertEquals(List.of(later), forResource("room-1", DAY, at(3, "00:00")));
        assertEquals(List.of(), forPatient(at("08:00"), at("12:00")));
        assertEquals(List.of(later), forPatient(DAY, at(3, "00:00")));
    }

    @Test
    void manyAppointmentsOnOneResourceAreFoundByPeriod() {
        List<Appointment> day = IntStream.range(0, 96)
                .mapToObj(i -> appointment(String.format("a-%03d", i), "p-" + (i % 7),
                        DAY.plus(Duration.ofMinutes(15L * i)), DAY.plus(Duration.ofMinutes(15L * i + 15)), "dr-a"))
                .collect(Collectors.toList());
        update(tx -> {
            for (int i = day.size() - 1; i >= 0; i--) {
                tx.appointments().insert(day.get(i));
            }
        });

        assertEquals(day.subList(36, 40), forResource("dr-a", at("09:00"), at("10:00")));
        assertEquals(day.subList(36, 41), forResource("dr-a", at("09:00"), at("10:01")));
        assertEquals(day, forResource("dr-a", DAY, at(1, "00:00")));
        List<Appointment> ofPatient = day.stream().filter(a -> a.patient().value().equals("p-1"))
                .filter(a -> a.start().isBefore(at("12:00"))).collect(Collectors.toList());
        assertEquals(ofPatient, forPatient(DAY, at("12:00")));
    }

    private List<Appointment> forPatient(Instant from, Instant to) {
        return read(tx -> tx.appointments().forPatient(P1, from, to));
    }

    private List<Appointment> forResource(String resource, Instant from, Instant to) {
        ResourceId id = rid(resource);
        return read(tx -> tx.appointments().forResource(id, from, to));
    }

    private void assertConcurrentUpdate(Appointment appointment) {
        ConflictException e = assertThrows(ConflictException.class,
                () -> update(tx -> tx.appointments().update(appointment)));
        assertEquals("concurrent-update", e.code());
    }

    @Test
    void aUnitSeesItsOwnInsertsInEveryRead() {
        Appointment first = appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a");
        Appointment second = appointment("a-2", "p-1", at("10:00"), at("10:30"), "dr-a", "room-1");
        write(tx -> {
            tx.appointments().insert(first);
            assertEquals(Optional.of(first), tx.appointments().find(A1));
            tx.appointments().insert(second);
            assertEquals(List.of(first, second), tx.appointments().forPatient(PatientId.of("p-1"), DAY, at(1, "00:00")));
            assertEquals(List.of(second), tx.appointments().forResource(rid("room-1"), DAY, at(1, "00:00")));
            Appointment cancelled = withStatus(second, AppointmentStatus.CANCELLED);
            tx.appointments().update(cancelled);
            assertEquals(Optional.of(cancelled), tx.appointments().find(AppointmentId.of("a-2")));
            return null;
        });

        assertEquals(Optional.of(first), read(tx -> tx.appointments().find(A1)));
    }

    @Test
    void aTakenIdEndsTheUnitWithTheConflictEvenWhenItsInsertWasNotReadBack() {
        Appointment first = appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a");
        update(tx -> tx.appointments().insert(first));

        // The adapter may report the taken id at the insert, at the unit's next read or at its end.
        ConflictException e = assertThrows(ConflictException.class, () -> update(tx -> {
            tx.appointments().insert(appointment("a-9", "p-2", at("11:00"), at("11:30"), "dr-b"));
            tx.appointments().insert(appointment("a-1", "p-2", at("11:00"), at("11:30"), "dr-b"));
        }));

        assertEquals("appointment-exists", e.code());
        assertEquals(Optional.of(first), read(tx -> tx.appointments().find(A1)));
        assertEquals(Optional.empty(), read(tx -> tx.appointments().find(AppointmentId.of("a-9"))));
        assertEquals(List.of(), read(tx -> tx.appointments().forResource(rid("dr-b"), DAY, at(1, "00:00"))));
    }
}
