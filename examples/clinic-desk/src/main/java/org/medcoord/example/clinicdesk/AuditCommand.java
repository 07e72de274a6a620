package org.medcoord.example.clinicdesk;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code audit}: the privacy officer's commands on the stored clinic's audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "The privacy officer's commands on the stored clinic's audit trail.",
        subcommands = AuditVerifyCommand.class)
final class AuditCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ClinicDesk.REFUSED;
    }
}
