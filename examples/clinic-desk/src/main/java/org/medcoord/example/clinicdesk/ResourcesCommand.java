package org.medcoord.example.clinicdesk;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code resources}: lists the demo clinic's resources with their weekly hours, and its services. */
@Command(name = "resources", mixinStandardHelpOptions = true,
        description = "Lists the demo clinic's resources (with weekly hours in local time) and services.")
final class ResourcesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOptions storage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DemoClinic clinic = DemoClinic.open(storage, false, spec.commandLine().getOut())) {
            ScheduleAdministration schedule = clinic.desk().schedule();
            TextTable resources = new TextTable("ID", "KIND", "NAME", "SITE", "TAGS", "WEEKLY HOURS (" + DemoClinic.ZONE
                    + ")");
            for (Resource r : schedule.resources()) {
                resources.row(r.id().value(), r.kind().name().toLowerCase(Locale.ROOT), r.displayName(), r.site(),
                        String.join(",", new TreeSet<>(r.tags())), String.join("; ", clinic.weeklyHours(r.id())));
            }
            resources.print(out);
            out.println();
            TextTable services = new TextTable("SERVICE", "NAME", "DURATION", "BUFFERS", "NEEDS");
            for (ServiceType s : schedule.services()) {
                services.row(s.id().value(), s.displayName(), minutes(s.duration()),
                        minutes(s.bufferBefore()) + " / " + minutes(s.bufferAfter()),
                        s.requirements().stream().map(r -> r.role() + "=" + r.kind().name().toLowerCase(Locale.ROOT)
                                + new TreeSet<>(r.tags())).collect(Collectors.joining(" ")));
            }
            services.print(out);
            out.println();
            out.println("Holiday: good-friday on " + Formats.date(DemoClinic.GOOD_FRIDAY) + " for every resource.");
        }
        return 0;
    }

    private static String minutes(Duration d) {
        return d.toMinutes() + " min";
    }
}
