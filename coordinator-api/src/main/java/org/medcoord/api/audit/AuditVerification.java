package org.medcoord.api.audit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What verifying the audit trail found: every sealed event and every stored checkpoint checked,
 * and the store compared with each checkpoint witness.
 *
 * @param eventsChecked how many sealed events were read and checked
 * @param lastSequence the highest sequence number found, {@code 0} for an empty chain
 * @param checkpointsChecked how many stored checkpoints were read and checked
 * @param vouchedThrough the highest event sequence a checkpoint vouches for whose signature
 *     holds and whose head the chain matches; events after it were checked for their hashes and
 *     links only, which a truncation of the tail cannot be told from. Empty when no checkpoint
 *     vouches for any event
 * @param findings what is wrong, ordered by sequence; empty when nothing was found wrong
 * @param limitations what this configuration cannot detect, whatever the findings
 * @param signedThrough the event sequence through which this verification signed a new
 *     checkpoint after it found nothing wrong: evidence for later verifications, never for this
 *     one. Empty when nothing was signed (findings, no new events, or another node signed first)
 * @since 0.1
 */
public record AuditVerification(long eventsChecked, long lastSequence, long checkpointsChecked,
                                OptionalLong vouchedThrough, List<ChainFinding> findings,
                                Set<Limitation> limitations, OptionalLong signedThrough) {
    /**
     * What a coordinator's configuration leaves undetectable.
     *
     * @since 0.1
     */
    public enum Limitation {
        /**
         * No key provider is registered: checkpoints are signed with a key generated in memory,
         * which a later process does not know, so the trail is not tamper-evident across restarts.
         */
        KEYS_NOT_DURABLE("not tamper-evident across restarts: no KeyProvider is registered, checkpoints are "
                + "signed with a key generated in memory"),
        /**
         * No witness outside this process is registered: a store rolled back as a whole, its
         * checkpoints included, is detected only while this process runs.
         */
        NO_DURABLE_WITNESS("a rollback of the whole store, checkpoints included, is detected only while this "
                + "process runs: no CheckpointWitness outside the process is registered");

        private final String description;

        Limitation(String description) {
            this.description = description;
        }

        /**
         * One sentence for a person.
         *
         * @return the description
         */
        public String description() {
            return description;
        }
    }

    /**
     * Checks the parts and copies the collections.
     *
     * @param eventsChecked the events checked
     * @param lastSequence the highest sequence
     * @param checkpointsChecked the checkpoints checked
     * @param vouchedThrough the highest vouched-for sequence
     * @param findings the findings
     * @param limitations the limitations
     * @param signedThrough the sequence a new checkpoint was signed at
     */
    public AuditVerification {
        Objects.requireNonNull(vouchedThrough, "vouchedThrough");
        Objects.requireNonNull(signedThrough, "signedThrough");
        findings = List.copyOf(findings);
        limitations = Set.copyOf(limitations);
    }

    /**
     * This report, saying that a new checkpoint was signed through {@code sequence} after it.
     *
     * @param sequence the event sequence the new checkpoint vouches for
     * @return the report with {@link #signedThrough()} set
     */
    public AuditVerification withSignedThrough(long sequence) {
        return new AuditVerification(eventsChecked, lastSequence, checkpointsChecked, vouchedThrough, findings,
                limitations, OptionalLong.of(sequence));
    }

    /**
     * Whether nothing was found wrong: no event or checkpoint altered, removed or reordered, no
     * checkpoint unverifiable, no rollback against a witness. Read it with
     * {@link #vouchedThrough()} and {@link #limitations()}: a tail after the newest checkpoint is
     * checked for links only.
     *
     * @return true when there are no findings
     */
    public boolean ok() {
        return findings.isEmpty();
    }

    /**
     * The report for a person: the verdict, what was checked, how much is vouched for, each
     * finding and each limitation, one line each.
     *
     * @return the lines
     */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(ok() ? "OK, no tampering found" : "TAMPERED: " + findings.size() + " finding"
                + (findings.size() == 1 ? "" : "s"));
        lines.add(count(eventsChecked, "event") + " checked (last sequence " + lastSequence + "), "
                + count(checkpointsChecked, "checkpoint") + " checked");
        if (vouchedThrough.isPresent()) {
            long vouched = vouchedThrough.getAsLong();
            lines.add("vouched for by signed checkpoints through event " + vouched
                    + (vouched < lastSequence ? "; events " + (vouched + 1) + " to " + lastSequence
                    + " are checked for links only" : ""));
        } else if (lastSequence > 0) {
            lines.add("no signed checkpoint vouches for these events yet; they are checked for links only");
        }
        for (ChainFinding finding : findings) {
            lines.add("finding: " + finding.description());
        }
        signedThrough.ifPresent(sequence -> lines.add("signed a new checkpoint through event " + sequence
                + "; later verifications check the chain against it"));
        Set<Limitation> ordered = EnumSet.noneOf(Limitation.class);
        ordered.addAll(limitations);
        for (Limitation limitation : ordered) {
            lines.add("limitation: " + limitation.description());
        }
        return List.copyOf(lines);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
