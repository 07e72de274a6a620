package org.medcoord.example.clinicdesk;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.SlotQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code slots}: lists bookable options for a service in the demo clinic, earliest first. */
@Command(name = "slots", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists bookable options for a service, earliest first.")
final class SlotsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOptions storage;

    @Option(names = "--service", required = true, paramLabel = "ID",
            description = "Service type: cardiology-consult, mri or dermatology-visit.")
    private String service;

    @Option(names = "--from", defaultValue = "2027-03-15", paramLabel = "DATE",
            description = "First local date to search (default: ${DEFAULT-VALUE}).")
    private LocalDate from;

    @Option(names = "--days", defaultValue = "1", paramLabel = "N",
            description = "How many days to search, 1 to 366 (default: ${DEFAULT-VALUE}).")
    private int days;

    @Option(names = "--limit", defaultValue = "10", paramLabel = "N",
            description = "The most options to list (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Option(names = "--practitioner", paramLabel = "ID",
            description = "Only this practitioner, at their own site unless --site is given.")
    private String practitioner;

    @Option(names = "--site", paramLabel = "SITE", description = "Only resources at this site: main-campus or east-clinic.")
    private String site;

    @Option(names = "--patient", defaultValue = "p-0000", paramLabel = "ID",
            description = "The patient the options are for; their own visits are avoided (default: ${DEFAULT-VALUE}).")
    private String patient;

    @Option(names = "--zone", defaultValue = "America/New_York", paramLabel = "ZONE",
            description = "Zone of --from and of the listed times (default: ${DEFAULT-VALUE}).")
    private ZoneId zone;

    @Override
    public Integer call() {
        if (days < 1 || days > 366) {
            throw InvalidRequestException.of("days", "must be between 1 and 366");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (DemoClinic clinic = DemoClinic.open(storage, false, spec.commandLine().getOut())) {
            ServiceTypeId serviceId = clinic.knownService(service);
            Preferences preferences = preferences(clinic);
            Instant start = from.atStartOfDay(zone).toInstant();
            Instant end = from.plusDays(days).atStartOfDay(zone).toInstant();
            List<SlotOption> options = clinic.desk().appointments().findSlots(
                    new SlotQuery(serviceId, PatientId.of(patient), start, end, preferences, limit));
            out.printf("%s options for %s, %s to %s (%s)%s:%n", serviceId, patient, Formats.date(from),
                    Formats.date(from.plusDays(days - 1L)), zone, describe(preferences));
            if (options.isEmpty()) {
                out.println("  none");
            }
            for (int i = 0; i < options.size(); i++) {
                out.printf("  %2d) %s%n", i + 1, Formats.slot(options.get(i), zone));
            }
        }
        return 0;
    }

    private Preferences preferences(DemoClinic clinic) {
        Preferences preferences = Preferences.NONE;
        if (practitioner != null) {
            Resource chosen = clinic.desk().schedule().resource(ResourceId.of(practitioner))
                    .filter(r -> r.kind() == ResourceKind.PRACTITIONER)
                    .orElseThrow(() -> InvalidRequestException.of("practitioner", "unknown practitioner " + practitioner
                            + "; see the resources command"));
            // onlyResources applies to every role, so keep every room and device and drop the other practitioners.
            ResourceId[] allowed = clinic.desk().schedule().resources().stream()
                    .filter(r -> r.kind() != ResourceKind.PRACTITIONER || r.id().equals(chosen.id()))
                    .map(Resource::id).toArray(ResourceId[]::new);
            preferences = preferences.onlyWith(allowed).atSites(site == null ? chosen.site() : site);
        } else if (site != null) {
            preferences = preferences.atSites(site);
        }
        return preferences;
    }

    private String describe(Preferences preferences) {
        StringBuilder text = new StringBuilder();
        if (practitioner != null) {
            text.append(", practitioner ").append(practitioner);
        }
        if (!preferences.sites().isEmpty()) {
            text.append(", site ").append(String.join(",", preferences.sites()));
        }
        return text.toString();
    }
}
