package org.medcoord.example.clinicdesk;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.medcoord.api.Coordinator;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.audit.AuditVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code audit verify}: verifies the stored clinic's audit trail as its privacy officer (every
 * sealed event, every stored checkpoint, the store against the desk's witness file) and prints
 * the report, one line each for the verdict, what was checked, how much signed checkpoints
 * vouch for, each finding and each limitation.
 *
 * <p>Exit codes: 0 nothing was found wrong; {@value #TAMPERED} the verifier found something
 * (each finding is printed with its sequence numbers); 2 and 1 as for every command.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies the stored clinic's tamper-evident audit trail as its privacy officer: every "
                + "event, every signed checkpoint, and the store against the witness file. Prints what was "
                + "found: altered, removed, reordered or truncated events, bad or missing checkpoints, a "
                + "rollback to an older copy, by sequence number.",
                "Exit code 0 when nothing was found, 3 when something was."})
final class AuditVerifyCommand implements Callable<Integer> {
    /** Exit code when the audit trail does not verify. */
    static final int TAMPERED = 3;

    @Spec
    private CommandSpec spec;

    @Mixin
    private StorageOptions storage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Clock clock = Clock.fixed(DemoClinic.NOW.atZone(DemoClinic.ZONE).toInstant(), DemoClinic.ZONE);
        AuditVerification report;
        try (Coordinator coordinator = storage.coordinator(clock).build()) {
            out.printf("Storage    : %s%n", storage.describe());
            out.printf("Witness    : %s%n", storage.witnessFile());
            report = coordinator.session(Actor.of("privacy-01", DemoClinic.FACILITY, Role.PRIVACY_OFFICER),
                    Purpose.OPERATIONS).audit().verify();
        }
        print(out, report);
        return report.ok() ? 0 : TAMPERED;
    }

    /** Prints the report under an "Audit" heading, the verdict first. */
    static void print(PrintWriter out, AuditVerification report) {
        String label = "Audit      : ";
        for (String line : report.summary()) {
            out.println(label + line);
            label = "             ";
        }
    }
}
