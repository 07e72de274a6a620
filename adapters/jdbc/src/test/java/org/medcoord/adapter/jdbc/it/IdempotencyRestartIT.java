package org.medcoord.adapter.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.appointment.IdempotencyKeyReusedException;
import org.medcoord.api.common.PatientId;
import org.medcoord.core.Coordinators;

/** Idempotency keys are stored with the booking, so a retry after a restart gets the first answer. */
class IdempotencyRestartIT {
    private static final IdempotencyKey KEY = IdempotencyKey.of("desk-7-request-42");
    private static final PatientId PATIENT = PatientId.of("p-idem");

    @TempDir
    Path dir;

    @Test
    void a_retried_booking_returns_the_first_result_after_a_restart_and_a_changed_request_is_refused() {
        JdbcOptions options = JdbcOptions.embedded(dir.resolve("idempotency"));
        Instant nine = ItClinic.at(0, 12);
        BookCommand request = ItClinic.visit(PATIENT.value(), ItClinic.clinician(0), nine).withIdempotencyKey(KEY);

        AppointmentId first;
        try (Coordinator coordinator = coordinator(options)) {
            ItClinic.define(coordinator, 2);
            first = ItClinic.desk(coordinator, "u-desk").appointments().book(request).appointment().id();
        }

        try (Coordinator restarted = coordinator(options)) {
            var desk = ItClinic.desk(restarted, "u-desk");
            assertThat(desk.appointments().book(request).appointment().id()).isEqualTo(first);

            BookCommand changed = ItClinic.visit(PATIENT.value(), ItClinic.clinician(1), nine).withIdempotencyKey(KEY);
            assertThatThrownBy(() -> desk.appointments().book(changed))
                    .isInstanceOf(IdempotencyKeyReusedException.class);

            assertThat(desk.appointments().forPatient(PATIENT, nine.minusSeconds(3600), nine.plusSeconds(3600)))
                    .extracting(a -> a.id()).containsExactly(first);
        }
    }

    private static Coordinator coordinator(JdbcOptions options) {
        return Coordinators.builder().plugin(new JdbcStoragePlugin(options))
                .clock(Clock.fixed(ItClinic.NOW, ZoneOffset.UTC)).build();
    }
}
