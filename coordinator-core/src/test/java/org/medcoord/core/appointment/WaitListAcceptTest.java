package org.medcoord.core.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medcoord.core.TestClinic.MONDAY_1;
import static org.medcoord.core.TestClinic.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistRequest;
import org.medcoord.api.appointment.WaitlistStatus;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.core.TestClinic;

class WaitListAcceptTest {
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");

    @Test
    void two_desks_accepting_one_offer_book_once_and_the_entry_stays_booked() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (TestClinic clinic = new TestClinic()) {
            for (int round = 0; round < 16; round++) {
                String hour = String.format("%02d:00", 8 + round % 8);
                Appointment taken = clinic.desk.appointments().book(new BookCommand(CONSULT,
                        PatientId.of("p-" + round), at(MONDAY_1.plusDays(1 + round / 8), hour),
                        List.of(RoleAssignment.of("specialist", "dr-a"), RoleAssignment.of("room", "room-1")),
                        Optional.empty(), Optional.empty())).appointment();
                WaitlistEntry entry = clinic.desk.waitList().add(new WaitlistRequest(PatientId.of("w-" + round),
                        CONSULT, taken.start(), taken.end(), 5, Preferences.NONE));
                clinic.desk.appointments().cancel(new CancelCommand(taken.id(), CancellationReason.PATIENT_REQUEST));
                assertThat(clinic.desk.waitList().get(entry.id()).status()).isEqualTo(WaitlistStatus.OFFERED);

                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Booking>> attempts = new ArrayList<>();
                for (int desk = 0; desk < 2; desk++) {
                    attempts.add(pool.submit(() -> {
                        start.await();
                        return clinic.desk.waitList().accept(entry.id());
                    }));
                }
                List<Booking> booked = new ArrayList<>();
                int refused = 0;
                for (Future<Booking> attempt : attempts) {
                    try {
                        booked.add(attempt.get());
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                        refused++;
                    }
                }

                assertThat(booked).hasSize(1);
                assertThat(refused).isEqualTo(1);
                WaitlistEntry after = clinic.desk.waitList().get(entry.id());
                assertThat(after.status()).isEqualTo(WaitlistStatus.BOOKED);
                assertThat(after.appointment()).contains(booked.get(0).appointment().id());
                assertThat(clinic.desk.appointments().forPatient(PatientId.of("w-" + round), taken.start(),
                        taken.end())).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
