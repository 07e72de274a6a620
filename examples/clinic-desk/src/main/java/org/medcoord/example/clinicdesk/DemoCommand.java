package org.medcoord.example.clinicdesk;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code demo}: runs the scripted clinic day on a fresh demo clinic. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs a scripted clinic day: searches, bookings, a hold, a conflict with alternatives, "
                + "the wait list, a weekly series across the clock change, a refused status change, the day sheet.")
final class DemoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOptions storage;

    @Override
    public Integer call() {
        try (DemoClinic clinic = DemoClinic.open(storage, true, spec.commandLine().getOut())) {
            new ClinicDayScript(clinic, spec.commandLine().getOut()).run();
        }
        return 0;
    }
}
