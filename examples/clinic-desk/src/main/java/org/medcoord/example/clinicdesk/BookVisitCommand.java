package org.medcoord.example.clinicdesk;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.Callable;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ServiceTypeId;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code book}: books a visit at a local start time, letting MedCoord choose the resources. A
 * taken time is refused with alternatives.
 */
@Command(name = "book", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Books a visit at a local start time; MedCoord chooses the resources.")
final class BookVisitCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOptions storage;

    @Option(names = "--service", required = true, paramLabel = "ID",
            description = "Service type: cardiology-consult, mri or dermatology-visit.")
    private String service;

    @Option(names = "--patient", required = true, paramLabel = "ID", description = "Patient id, for example p-1001.")
    private String patient;

    @Option(names = "--start", required = true, paramLabel = "DATE-TIME",
            description = "Local start, for example 2027-03-15T09:00, on a 5-minute boundary.")
    private LocalDateTime start;

    @Option(names = "--zone", defaultValue = "America/New_York", paramLabel = "ZONE",
            description = "Zone of --start and of the output (default: ${DEFAULT-VALUE}).")
    private ZoneId zone;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PatientId patientId = PatientId.of(patient);
        ZonedDateTime local = start.atZone(zone);
        try (DemoClinic clinic = DemoClinic.open(storage, false, spec.commandLine().getOut())) {
            ServiceTypeId serviceId = clinic.knownService(service);
            Booking booking = clinic.desk().appointments().book(BookCommand.at(serviceId, patientId, local.toInstant()));
            out.println("Booked " + Formats.appointment(booking.appointment(), zone));
            booking.warnings().forEach(w -> out.println("  warning " + w.rule() + "/" + w.code() + ": " + w.message()));
        }
        return 0;
    }
}
