package org.medcoord.example.clinicdesk;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.SlotOption;

/** Text for times, slots and appointments as the desk shows them: local time with its zone. */
final class Formats {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm", Locale.US);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.US);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("HH:mm'Z'", Locale.US);

    private Formats() {
    }

    /** {@code Mon 2027-03-15 08:30 EDT}. */
    static String dateTime(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        return DAY_TIME.format(local) + " " + ZONE_NAME.format(local);
    }

    /** {@code Mon 2027-03-15}. */
    static String date(LocalDate date) {
        return shortDay(date.getDayOfWeek()) + " " + date;
    }

    /** {@code 08:30}. */
    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** {@code Mon 2027-03-15 08:30-09:15 EDT}. */
    static String period(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime local = start.atZone(zone);
        return DAY_TIME.format(local) + "-" + time(end, zone) + " " + ZONE_NAME.format(local);
    }

    /** {@code 13:30Z}, the start in UTC. */
    static String utc(Instant instant) {
        return UTC.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** {@code scanner=mri-scanner-1 technologist=tech-mri-1}. */
    static String resources(List<RoleAssignment> assignments) {
        return assignments.stream().map(a -> a.role() + "=" + a.resource()).collect(Collectors.joining(" "));
    }

    /** A slot option on one line. */
    static String slot(SlotOption option, ZoneId zone) {
        return period(option.start(), option.end(), zone) + "  " + resources(option.resources());
    }

    /** An appointment on one line. */
    static String appointment(Appointment a, ZoneId zone) {
        return a.id() + "  " + a.patient() + "  " + a.service() + "  " + period(a.start(), a.end(), zone) + "  "
                + resources(a.resources()) + "  [" + a.status().code() + "]";
    }

    /** {@code Mon}. */
    static String shortDay(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.US);
    }
}
