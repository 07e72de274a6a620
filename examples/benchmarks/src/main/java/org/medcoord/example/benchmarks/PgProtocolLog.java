package org.medcoord.example.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts what the PostgreSQL JDBC driver sends on the calling thread, from the driver's own
 * protocol log ({@code java.util.logging}, level FINEST, messages {@code FE=>} for what it sends
 * and {@code <=BE} for what it reads). A round trip is a run of sent messages followed by reading
 * the answer, so round trips are counted as the turns from sending to reading; a {@code BEGIN}
 * that the driver sends ahead of the first statement in the same packet is not one of its own.
 * Statements are the {@code Execute} and simple-query messages. This needs no access to the
 * adapter's connections or pool.
 *
 * <p>Statement texts come from the {@code Parse} messages; with {@code prepareThreshold=0} on the
 * URL every statement is parsed (unnamed) each time, so every execution has its text. That
 * setting changes what is in a round trip, not how many there are.
 */
final class PgProtocolLog extends Handler {
    private static final Logger DRIVER = Logger.getLogger("org.postgresql");
    private static final Pattern PARSE = Pattern.compile("^ FE=> Parse\\(stmt=[^,]*,query=\"(.*)\",oids=.*$",
            Pattern.DOTALL);

    private static final Pattern SIMPLE = Pattern.compile("^ FE=> SimpleQuery\\(query=\"(.*)\"\\)$", Pattern.DOTALL);

    private final long thread = Thread.currentThread().getId();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Level previous;
    private final List<String> statements = new ArrayList<>();
    private long roundTrips;
    private long executes;
    private boolean sending;
    private String lastParsed = "(statement prepared earlier)";

    private PgProtocolLog() {
        previous = DRIVER.getLevel();
        setLevel(Level.ALL);
    }

    /** Starts counting on the calling thread. */
    static PgProtocolLog start() {
        PgProtocolLog log = new PgProtocolLog();
        DRIVER.addHandler(log);
        DRIVER.setLevel(Level.FINEST);
        return log;
    }

    /** Stops counting. */
    void stop() {
        DRIVER.setLevel(previous);
        DRIVER.removeHandler(this);
    }

    long roundTrips() {
        return roundTrips;
    }

    long executes() {
        return executes;
    }

    /** The statements executed, in order, each as its (abbreviated) SQL text. */
    List<String> statements() {
        return List.copyOf(statements);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (record.getLongThreadID() != thread || record.getMessage() == null) {
            return;
        }
        String message = formatter.formatMessage(record);
        if (message.startsWith(" <=BE")) {
            if (sending) {
                roundTrips++;
                statements.add("-- round trip " + roundTrips);
                sending = false;
            }
            return;
        }
        if (!message.startsWith(" FE=>")) {
            return;
        }
        sending = true;
        if (message.startsWith(" FE=> Parse(")) {
            Matcher m = PARSE.matcher(message);
            lastParsed = m.matches() ? StorageBenchmark.abbreviate(m.group(1)) : message;
        } else if (message.startsWith(" FE=> Execute(")) {
            executes++;
            statements.add(lastParsed);
        } else if (message.startsWith(" FE=> SimpleQuery(")) {
            executes++;
            Matcher m = SIMPLE.matcher(message);
            statements.add(m.matches() ? StorageBenchmark.abbreviate(m.group(1)) : message);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
