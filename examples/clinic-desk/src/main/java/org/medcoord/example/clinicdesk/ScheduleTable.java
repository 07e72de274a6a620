package org.medcoord.example.clinicdesk;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.schedule.Resource;

/** The day sheet: every resource's appointments on one local date, cancelled ones included. */
final class ScheduleTable {
    private ScheduleTable() {
    }

    static void print(PrintWriter out, CoordinatorSession session, LocalDate day, ZoneId zone) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        String zoneName = DateTimeFormatter.ofPattern("zzz", Locale.US).format(day.atTime(12, 0).atZone(zone));
        TextTable table = new TextTable("RESOURCE", "TIME (" + zoneName + ")", "PATIENT", "SERVICE", "STATUS");
        List<Resource> resources = session.schedule().resources();
        for (Resource resource : resources) {
            List<Appointment> booked = session.appointments().forResource(resource.id(), from, to);
            if (booked.isEmpty()) {
                table.row(resource.id().value(), "-", "-", "-", "(no appointments)");
            }
            for (Appointment a : booked) {
                table.row(resource.id().value(), Formats.time(a.start(), zone) + "-" + Formats.time(a.end(), zone),
                        a.patient().value(), a.service().value(), a.status().code());
            }
        }
        table.print(out);
    }
}
