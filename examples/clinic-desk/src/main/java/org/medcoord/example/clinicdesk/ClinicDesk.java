package org.medcoord.example.clinicdesk;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.medcoord.api.appointment.BookingRefusedException;
import org.medcoord.api.appointment.RuleFinding;
import org.medcoord.api.appointment.SlotUnavailableException;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.api.schedule.SlotOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * A command-line front desk that embeds MedCoord, working against the {@link DemoClinic}. The
 * clinic lives in an embedded H2 file ({@code clinic-desk-data/clinic.mv.db} unless {@code --db}
 * says otherwise) or in PostgreSQL ({@code --db-url}); {@code demo} starts clean every time, the
 * other commands continue the stored clinic.
 *
 * <pre>
 * java -jar clinic-desk.jar demo
 * java -jar clinic-desk.jar slots --service cardiology-consult --from 2027-03-15 --days 3
 * java -jar clinic-desk.jar book --service mri --patient p-1 --start 2027-03-15T09:00
 * java -jar clinic-desk.jar resources
 * java -jar clinic-desk.jar audit verify
 * </pre>
 *
 * <p>Exit codes: 0 done; 2 the request was refused or the input was invalid (one line on
 * standard error, no stack trace); 1 an unexpected failure.
 */
@Command(name = "clinic-desk", mixinStandardHelpOptions = true, version = "clinic-desk 0.1.0",
        description = "A front desk for the MedCoord demo clinic (embedded H2 file by default, clock fixed at "
                + "Fri 2027-03-12 09:00 America/New_York).",
        subcommands = {DemoCommand.class, SlotsCommand.class, BookVisitCommand.class, ResourcesCommand.class,
                AuditCommand.class, CommandLine.HelpCommand.class})
public final class ClinicDesk implements Callable<Integer> {
    /** Exit code when MedCoord refused the request or the input was invalid. */
    public static final int REFUSED = 2;
    /** Exit code for an unexpected failure. */
    public static final int FAILED = 1;

    static {
        // Hibernate Validator logs through JBoss Logging, which uses java.util.logging unless told
        // otherwise; send it to SLF4J so simplelogger.properties quiets it like everything else.
        if (System.getProperty("org.jboss.logging.provider") == null) {
            System.setProperty("org.jboss.logging.provider", "slf4j");
        }
    }

    @Spec
    private CommandSpec spec;

    private ClinicDesk() {
    }

    /**
     * Runs a command and exits the JVM with its exit code.
     *
     * @param args the command line
     */
    public static void main(String... args) {
        exit(run(args));
    }

    private static void exit(int code) {
        System.exit(code);
    }

    /**
     * Runs a command against standard output and standard error, without exiting.
     *
     * @param args the command line
     * @return the exit code
     */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /**
     * Runs a command, writing to the given writers, without exiting.
     *
     * @param out where results go
     * @param err where errors and usage help go
     * @param args the command line
     * @return the exit code: 0 done, 2 refused or invalid input, 1 unexpected failure
     */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new ClinicDesk());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(ClinicDesk::invalidInput);
        cli.setExecutionExceptionHandler(ClinicDesk::failed);
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return REFUSED;
    }

    private static int invalidInput(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("error: " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        return REFUSED;
    }

    private static int failed(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof CoordinatorException refused) {
            err.println("error: " + describe(refused));
            if (refused instanceof SlotUnavailableException slot) {
                List<SlotOption> alternatives = slot.alternatives();
                for (int i = 0; i < alternatives.size(); i++) {
                    err.printf("  alternative %d: %s%n", i + 1, Formats.slot(alternatives.get(i), DemoClinic.ZONE));
                }
            }
            return REFUSED;
        }
        err.println("error: unexpected failure: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        return FAILED;
    }

    /**
     * One line saying what MedCoord refused and why, naming fields and ids only.
     *
     * @param e the refusal
     * @return the line
     */
    static String describe(CoordinatorException e) {
        if (e instanceof BookingRefusedException refused) {
            return "booking refused: " + refused.findings().stream()
                    .filter(f -> f.severity() == RuleFinding.Severity.REJECTION)
                    .map(f -> f.rule() + ": " + f.message()).collect(Collectors.joining("; "));
        }
        String text = e.getMessage().replace(System.lineSeparator(), " ");
        return e instanceof ConflictException conflict ? text + " (" + conflict.code() + ")" : text;
    }
}
