package org.medcoord.example.clinicdesk;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.medcoord.adapter.jdbc.JdbcStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.ChainFinding;
import org.medcoord.core.Coordinators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code audit-verify}: seals the stored clinic's audit trail, signs a checkpoint of its head and
 * verifies the whole hash chain, as the clinic's privacy officer, printing what it found.
 *
 * <p>Exit codes: 0 the chain is intact; {@value #TAMPERED} the verifier found something wrong
 * (each finding is printed by sequence number); 2 and 1 as for every command.
 */
@Command(name = "audit-verify", mixinStandardHelpOptions = true,
        description = {"Verifies the stored clinic's tamper-evident audit trail as its privacy officer and prints "
                + "what was found: altered, removed, swapped or truncated events, by sequence number.",
                "Exit code 0 when intact, 3 when something was found."})
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
        try (Coordinator coordinator = Coordinators.builder()
                .plugin(new JdbcStoragePlugin(storage.toJdbcOptions()))
                .plugin(ClinicKeys.in(storage.keyDirectory()).plugin()).clock(clock).build()) {
            out.printf("Storage    : %s%n", storage.describe());
            report = coordinator.session(Actor.of("privacy-01", DemoClinic.FACILITY, Role.PRIVACY_OFFICER),
                    Purpose.OPERATIONS).audit().verify();
        }
        out.printf("Audit chain: %d events checked, last sequence %d%n", report.eventsChecked(),
                report.lastSequence());
        out.printf("Checkpoint : %s%n", report.checkpointSequence().isPresent()
                ? "signed at sequence " + report.checkpointSequence().getAsLong() + ", signature valid"
                : "none with a valid signature");
        if (report.ok()) {
            out.println("Result     : OK, the audit trail is intact");
            return 0;
        }
        out.printf("Result     : NOT INTACT, %d finding%s%n", report.findings().size(),
                report.findings().size() == 1 ? "" : "s");
        for (ChainFinding finding : report.findings()) {
            out.printf("  %-13s %s%n", finding.kind(), finding.description());
        }
        return TAMPERED;
    }
}
