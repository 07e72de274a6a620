package org.medcoord.adapter.jdbc.it;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.appointment.Booking;
import org.medcoord.core.Coordinators;

/**
 * The process {@link EmbeddedDurabilityIT} kills: opens a coordinator on an H2 file, books free
 * slots one after another and writes {@code ok <appointment id>} to stdout after each booking
 * returns, until it is killed.
 *
 * <p>Arguments: the database file, the round (each round books its own days, so later rounds
 * never collide with earlier ones), and {@code fresh} to define the clinic first.
 */
final class BookingChild {
    static final int CLINICIANS = 10;
    static final String ACK = "ok ";
    private static final int QUARTERS_PER_DAY = 36;
    private static final int DAYS_PER_ROUND = 120;

    private BookingChild() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int round = Integer.parseInt(args[1]);
        boolean fresh = "fresh".equals(args[2]);
        Coordinator coordinator = Coordinators.builder().plugin(new JdbcStoragePlugin(JdbcOptions.embedded(file)))
                .clock(Clock.fixed(ItClinic.NOW, ZoneOffset.UTC)).build();
        if (fresh) {
            ItClinic.define(coordinator, CLINICIANS);
        }
        CoordinatorSession desk = ItClinic.desk(coordinator, "u-child");
        // Unbuffered: each line leaves the process in one write(2) once its booking has returned.
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        int slots = CLINICIANS * QUARTERS_PER_DAY * DAYS_PER_ROUND;
        for (int i = 0; i < slots; i++) {
            int day = round * DAYS_PER_ROUND + i / (CLINICIANS * QUARTERS_PER_DAY);
            int quarter = (i / CLINICIANS) % QUARTERS_PER_DAY;
            Booking booking = desk.appointments().book(ItClinic.visit("p-" + round + "-" + i,
                    ItClinic.clinician(i % CLINICIANS), ItClinic.at(day, 3 * quarter)));
            out.write((ACK + booking.appointment().id().value() + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        coordinator.close();
    }
}
