package org.medcoord.core.audit.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.ChainFinding;
import org.medcoord.spi.audit.ChainEncoding;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.KeyProvider;

/**
 * Checks an audit trail as read back from a store, which may have been tampered with, and says
 * precisely what it finds: which event was altered, which were removed, which two were
 * reordered, where the tail was cut off, which checkpoint is forged, missing or unverifiable, and
 * whether the store was rolled back behind a witness.
 *
 * <p><b>Checkpoints</b>, oldest to newest: each one's signature under the key it names
 * ({@link ChainFinding.BadCheckpointSignature}, {@link ChainFinding.UnknownKey}); that they form a
 * chain, each naming the index before it and that one's digest ({@link ChainFinding.MissingCheckpoints});
 * that the chain reaches every checkpoint whose signature holds ({@link ChainFinding.TruncatedTail})
 * and has the signed hash there ({@link ChainFinding.CheckpointHeadMismatch}). A checkpoint whose
 * signature fails is not trusted for anything, and the link into the one after it is not judged.
 *
 * <p><b>Witnesses</b>: the newest checkpoint each witness holds must be in the store, unchanged;
 * otherwise the store was rolled back ({@link ChainFinding.RolledBack}).
 *
 * <p><b>Events</b>: one pass recomputes every hash and checks every link; it remembers only the
 * few places where something is wrong, each with its neighbours. Those places are then explained,
 * simplest explanation first:
 * <ol>
 *   <li>two places that become consistent when two events are put back, whether the rows
 *       themselves, their contents or only their records or sequence numbers changed places:
 *       {@link ChainFinding.ReorderedEvents};
 *   <li>an event whose hash does not match its contents: {@link ChainFinding.AlteredEvent}, naming the
 *       sequence number the event stands at even when the sequence number itself was changed;
 *   <li>a link that does not hold between two events whose hashes do: the earlier event was
 *       changed and re-hashed, {@link ChainFinding.AlteredEvent}; unless the links into and out of the
 *       later event both fail, or it is the last and differs from the signed head, in which case
 *       the later one was pointed elsewhere and re-hashed;
 *   <li>a gap in the sequence numbers where the link does not hold, provided the numbers never
 *       step back (which would mean events were moved rather than removed): {@link ChainFinding.RemovedEvents};
 *   <li>anything else: {@link ChainFinding.BrokenChain}.
 * </ol>
 * Events after the newest checkpoint whose signature holds are checked for hashes and links only:
 * a tail cut off after it cannot be seen, unless a witness holds a newer checkpoint.
 *
 * <p>Thread safe: each call keeps its own state.
 */
public final class ChainVerifier {
    /** How many suspicious places are itemized before the rest are only counted. */
    static final int DEFAULT_ITEMIZE_LIMIT = 10_000;

    /** Above this many places, pairs are not searched for swaps (the search is quadratic). */
    private static final int SWAP_SEARCH_LIMIT = 64;

    /** Where a checkpoint was read, in findings about stored checkpoints. */
    static final String STORE = "store";

    private final KeyProvider keys;
    private final int itemizeLimit;

    /**
     * The newest checkpoint a witness holds.
     *
     * @param witness the witness's id
     * @param newest its newest checkpoint
     */
    public record Witnessed(String witness, Checkpoint newest) {
        /**
         * Checks the parts are present.
         *
         * @param witness the id
         * @param newest the checkpoint
         */
        public Witnessed {
            Objects.requireNonNull(witness, "witness");
            Objects.requireNonNull(newest, "newest");
        }
    }

    /**
     * Creates a verifier.
     *
     * @param keys the provider of the public keys that verify checkpoints
     */
    public ChainVerifier(KeyProvider keys) {
        this(keys, DEFAULT_ITEMIZE_LIMIT);
    }

    ChainVerifier(KeyProvider keys, int itemizeLimit) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.itemizeLimit = itemizeLimit;
    }

    /**
     * Checks that the chain links up from its first event, without checkpoints: a removed tail
     * or a chain rewritten from the start cannot be seen this way.
     *
     * @param events the events as stored, in the order read back, from sequence 1
     * @return the report, vouching for nothing
     */
    public AuditVerification verify(Iterable<ChainedEvent> events) {
        return verify(events, List.of(), List.of(), Set.of());
    }

    /**
     * Checks the chain from its first event against the stored checkpoints.
     *
     * @param events the events as stored, in the order read back, from sequence 1
     * @param checkpoints the stored checkpoints in index order, as read back
     * @return the report
     */
    public AuditVerification verify(Iterable<ChainedEvent> events, List<Checkpoint> checkpoints) {
        return verify(events, checkpoints, List.of(), Set.of());
    }

    /**
     * Checks the chain from its first event against the stored checkpoints and what the
     * witnesses hold.
     *
     * @param events the events as stored, in the order read back, from sequence 1
     * @param checkpoints the stored checkpoints in index order, as read back
     * @param witnessed the newest checkpoint of each witness that holds one
     * @param limitations what the configuration cannot detect, copied into the report
     * @return the report
     */
    public AuditVerification verify(Iterable<ChainedEvent> events, List<Checkpoint> checkpoints,
                                    List<Witnessed> witnessed, Set<AuditVerification.Limitation> limitations) {
        List<ChainFinding> findings = new ArrayList<>();
        List<Checkpoint> trusted = checkCheckpoints(checkpoints, findings);
        Run run = new Run(itemizeLimit, trusted);
        run.scan(events);
        run.explain(findings);
        long lastFound = run.lastFound();
        long vouched = checkAgainst(trusted, run, lastFound, findings);
        checkWitnesses(checkpoints, witnessed, lastFound, findings);
        findings.sort(Comparator.comparingLong(ChainFinding::firstSequence));
        return new AuditVerification(run.position, lastFound, checkpoints.size(),
                vouched > 0 ? OptionalLong.of(vouched) : OptionalLong.empty(), findings, limitations,
                OptionalLong.empty());
    }

    /**
     * Whether the stored events after an anchor continue it soundly up to a head: the event at
     * the anchor's sequence has the anchor's hash, and every event after it has the next sequence
     * number, links to the one before and matches its own hash, ending at the head. This is what
     * the sealer checks before it signs a checkpoint over events it did not just chain itself.
     *
     * @param anchor the sequence and hash a checkpoint vouches for, {@link ChainHead#EMPTY} for none
     * @param events the stored events from the anchor's sequence on (from sequence 1 for none)
     * @param head the head the segment must end at
     * @return true when the segment holds
     */
    static boolean continues(ChainHead anchor, Iterable<ChainedEvent> events, ChainHead head) {
        ChainEncoding encoding = new ChainEncoding();
        long sequence = anchor.sequence();
        ChainHash hash = anchor.hash();
        boolean atAnchor = anchor.sequence() >= ChainedEvent.FIRST_SEQUENCE;
        if (!atAnchor && head.sequence() < ChainedEvent.FIRST_SEQUENCE) {
            return head.equals(anchor); // nothing before the head to check
        }
        for (ChainedEvent event : events) {
            if (!encoding.matches(event)) {
                return false;
            }
            if (atAnchor) {
                if (event.sequence() != sequence || !event.hash().equals(hash)) {
                    return false;
                }
                atAnchor = false;
                if (sequence == head.sequence()) {
                    break;
                }
                continue;
            }
            if (event.sequence() != sequence + 1 || !event.previousHash().equals(hash)) {
                return false;
            }
            sequence = event.sequence();
            hash = event.hash();
            if (sequence == head.sequence()) {
                break;
            }
        }
        return !atAnchor && sequence == head.sequence() && hash.equals(head.hash());
    }

    /** Checks signatures and the chain of checkpoints; returns those whose signature holds. */
    private List<Checkpoint> checkCheckpoints(List<Checkpoint> checkpoints, List<ChainFinding> findings) {
        List<Checkpoint> trusted = new ArrayList<>();
        Checkpoint before = null;
        Checkpoint.Status beforeStatus = Checkpoint.Status.VALID;
        int unjudged = 0;
        for (Checkpoint checkpoint : checkpoints) {
            Checkpoint.Status status = checkpoint.verify(keys);
            if (status == Checkpoint.Status.INVALID_SIGNATURE) {
                findings.add(new ChainFinding.BadCheckpointSignature(checkpoint.index(), checkpoint.sequence(),
                        checkpoint.keyId().value(), STORE));
                unjudged++;
                continue;
            }
            if (status == Checkpoint.Status.UNKNOWN_KEY) {
                findings.add(new ChainFinding.UnknownKey(checkpoint.index(), checkpoint.sequence(),
                        checkpoint.keyId().value()));
            } else {
                trusted.add(checkpoint);
            }
            long expected = before == null ? Checkpoint.FIRST_INDEX : before.index() + 1;
            long afterSequence = before == null ? 0 : before.sequence();
            if (checkpoint.index() - expected > unjudged) {
                long first = unjudged == 0 ? expected : expected + unjudged;
                findings.add(new ChainFinding.MissingCheckpoints(first, checkpoint.index() - 1, afterSequence,
                        checkpoint.sequence()));
            } else if (unjudged == 0 && before != null && status == Checkpoint.Status.VALID
                    && beforeStatus == Checkpoint.Status.VALID && !checkpoint.follows(before)) {
                findings.add(new ChainFinding.MissingCheckpoints(checkpoint.index(), checkpoint.index() - 1,
                        afterSequence, checkpoint.sequence()));
            } else if (unjudged == 0 && before == null && checkpoint.index() == Checkpoint.FIRST_INDEX
                    && status == Checkpoint.Status.VALID && !checkpoint.previous().equals(ChainHash.GENESIS)) {
                findings.add(new ChainFinding.MissingCheckpoints(checkpoint.index(), checkpoint.index() - 1, 0,
                        checkpoint.sequence()));
            }
            before = checkpoint;
            beforeStatus = status;
            unjudged = 0;
        }
        return trusted;
    }

    /** Checks the chain reaches and matches every trusted checkpoint; returns the sequence vouched for. */
    private static long checkAgainst(List<Checkpoint> trusted, Run run, long lastFound, List<ChainFinding> findings) {
        long vouched = 0;
        Checkpoint beyond = null;
        for (Checkpoint checkpoint : trusted) {
            long sequence = checkpoint.sequence();
            if (sequence == AuditChain.FIRST_SEQUENCE - 1) {
                if (!checkpoint.head().equals(ChainHash.GENESIS)) {
                    findings.add(new ChainFinding.CheckpointHeadMismatch(checkpoint.index(), sequence));
                }
            } else if (lastFound < sequence) {
                if (beyond == null || sequence > beyond.sequence()) {
                    beyond = checkpoint;
                }
            } else if (covers(findings, sequence)) {
                continue;
            } else if (!checkpoint.head().equals(run.hashAt(sequence))) {
                findings.add(new ChainFinding.CheckpointHeadMismatch(checkpoint.index(), sequence));
            } else {
                vouched = Math.max(vouched, sequence);
            }
        }
        if (beyond != null) {
            findings.add(new ChainFinding.TruncatedTail(lastFound, beyond.sequence(), beyond.index()));
        }
        return vouched;
    }

    private void checkWitnesses(List<Checkpoint> stored, List<Witnessed> witnessed, long lastFound,
                                List<ChainFinding> findings) {
        if (witnessed.isEmpty()) {
            return;
        }
        Map<Long, Checkpoint> byIndex = new HashMap<>();
        Checkpoint newestStored = null;
        for (Checkpoint checkpoint : stored) {
            byIndex.putIfAbsent(checkpoint.index(), checkpoint);
            if (newestStored == null || checkpoint.index() > newestStored.index()) {
                newestStored = checkpoint;
            }
        }
        for (Witnessed w : witnessed) {
            Checkpoint held = w.newest();
            Checkpoint same = byIndex.get(held.index());
            if (held.equals(same) || same != null && same.verify(keys) != Checkpoint.Status.VALID) {
                // the same checkpoint, or a stored one changed behind it, which the stored checks report
                continue;
            }
            Checkpoint.Status status = held.verify(keys);
            if (status == Checkpoint.Status.INVALID_SIGNATURE) {
                findings.add(new ChainFinding.BadCheckpointSignature(held.index(), held.sequence(),
                        held.keyId().value(), w.witness()));
            } else if (same == null && newestStored != null && held.index() < newestStored.index()) {
                // a checkpoint removed from within the store: the chain of checkpoints reports the gap
                continue;
            } else if (status == Checkpoint.Status.UNKNOWN_KEY) {
                findings.add(new ChainFinding.UnknownKey(held.index(), held.sequence(), held.keyId().value()));
            } else {
                findings.add(new ChainFinding.RolledBack(w.witness(), held.index(), held.sequence(),
                        newestStored == null ? 0 : newestStored.index(),
                        newestStored == null ? 0 : newestStored.sequence(), lastFound));
            }
        }
    }

    private static boolean covers(List<ChainFinding> findings, long sequence) {
        for (ChainFinding finding : findings) {
            boolean covered;
            if (finding instanceof ChainFinding.AlteredEvent altered) {
                covered = altered.sequence() == sequence;
            } else if (finding instanceof ChainFinding.ReorderedEvents swapped) {
                covered = swapped.first() == sequence || swapped.second() == sequence;
            } else if (finding instanceof ChainFinding.RemovedEvents removed) {
                covered = removed.first() <= sequence && sequence <= removed.last();
            } else if (finding instanceof ChainFinding.BrokenChain broken) {
                covered = broken.sequence() == sequence;
            } else {
                covered = finding instanceof ChainFinding.TooManyFindings overflow
                        && overflow.fromSequence() <= sequence;
            }
            if (covered) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code event} takes the sequence number after {@code before}; {@code null} is the start. */
    static boolean follows(ChainedEvent before, ChainedEvent event) {
        return event.sequence() == sequenceOf(before) + 1;
    }

    /** Whether {@code event} records {@code before}'s hash as its previous hash. */
    static boolean linked(ChainedEvent before, ChainedEvent event) {
        return event.previousHash().equals(before == null ? ChainHash.GENESIS : before.hash());
    }

    static boolean joins(ChainedEvent before, ChainedEvent event) {
        return follows(before, event) && linked(before, event);
    }

    private static long sequenceOf(ChainedEvent before) {
        return before == null ? AuditChain.FIRST_SEQUENCE - 1 : before.sequence();
    }

    /** A position where something is wrong: the event there is unsound, or a link into or out of it fails. */
    private static final class Site {
        final long position;
        final ChainedEvent before;
        final ChainedEvent self;
        final boolean sound;
        ChainedEvent after;
        boolean eventExplained;
        boolean junctionExplained;
        long slot;

        Site(long position, ChainedEvent before, ChainedEvent self, boolean sound) {
            this.position = position;
            this.before = before;
            this.self = self;
            this.sound = sound;
            this.slot = self.sequence();
        }

        /** Whether the link from the event before into this one fails. */
        boolean junctionBroken() {
            return !joins(before, self);
        }
    }

    /** The ways two events can have changed places, each undone by applying it again. */
    private enum Exchange {
        /** The rows moved, each with its own sequence number. */
        ROWS,
        /** Everything but the sequence numbers moved: record, previous hash and hash. */
        CONTENTS,
        /** Only the records moved. */
        RECORDS,
        /** Only the sequence numbers moved. */
        SEQUENCES;

        ChainedEvent first(ChainedEvent a, ChainedEvent b) {
            return switch (this) {
                case ROWS -> b;
                case CONTENTS -> new ChainedEvent(a.sequence(), b.record(), b.previousHash(), b.hash());
                case RECORDS -> new ChainedEvent(a.sequence(), b.record(), a.previousHash(), a.hash());
                case SEQUENCES -> new ChainedEvent(b.sequence(), a.record(), a.previousHash(), a.hash());
            };
        }
    }

    /** The state of one verification. */
    private static final class Run {
        private final ChainEncoding encoding = new ChainEncoding();
        private final int itemizeLimit;
        /** The distinct sequences of the trusted checkpoints, ascending, with the hash each signed (the newest's). */
        private final long[] checkpointSequences;
        private final ChainHash[] checkpointHeads;
        /** The hash found at each of those sequences, and whether it was a sound event's. */
        private final ChainHash[] foundHashes;
        private final boolean[] foundSound;
        private int nextCheckpoint;
        private final List<Site> sites = new ArrayList<>();
        private final Map<Long, Site> sitesByPosition = new HashMap<>();
        long position;
        private long maxSoundSequence = AuditChain.FIRST_SEQUENCE - 1;
        private long overflowFrom = -1;
        private long overflowCount;
        private long overflowMaxSequence = AuditChain.FIRST_SEQUENCE - 1;

        Run(int itemizeLimit, List<Checkpoint> trusted) {
            this.itemizeLimit = itemizeLimit;
            List<Checkpoint> bySequence = new ArrayList<>(trusted);
            bySequence.sort(Comparator.comparingLong(Checkpoint::sequence).thenComparingLong(Checkpoint::index));
            long[] sequences = new long[bySequence.size()];
            ChainHash[] heads = new ChainHash[bySequence.size()];
            int n = 0;
            for (Checkpoint checkpoint : bySequence) {
                if (n > 0 && sequences[n - 1] == checkpoint.sequence()) {
                    heads[n - 1] = checkpoint.head();
                } else {
                    sequences[n] = checkpoint.sequence();
                    heads[n++] = checkpoint.head();
                }
            }
            this.checkpointSequences = Arrays.copyOf(sequences, n);
            this.checkpointHeads = Arrays.copyOf(heads, n);
            this.foundHashes = new ChainHash[n];
            this.foundSound = new boolean[n];
        }

        /** The hash found at a trusted checkpoint's sequence, {@code null} when no event had it. */
        ChainHash hashAt(long sequence) {
            int at = Arrays.binarySearch(checkpointSequences, sequence);
            return at < 0 ? null : foundHashes[at];
        }

        /**
         * Remembers the hash of an event standing at a checkpoint's sequence: the first whose hash
         * matches its contents, so that an earlier event renumbered to that sequence (reported as
         * altered) does not also read as a rewritten head. Events come in ascending order unless
         * moved, so a cursor finds the place without a search.
         */
        private void noteCheckpointHash(long sequence, ChainHash hash, boolean sound) {
            long[] sequences = checkpointSequences;
            int at = nextCheckpoint;
            if (at > 0 && sequences[at - 1] >= sequence) {
                int found = Arrays.binarySearch(sequences, sequence);
                at = found < 0 ? -found - 1 : found;
            } else {
                while (at < sequences.length && sequences[at] < sequence) {
                    at++;
                }
                nextCheckpoint = at;
            }
            if (at < sequences.length && sequences[at] == sequence
                    && (foundHashes[at] == null || sound && !foundSound[at])) {
                foundHashes[at] = hash;
                foundSound[at] = sound;
            }
        }

        void scan(Iterable<ChainedEvent> events) {
            ChainEncoding encoding = this.encoding;
            ChainedEvent beforeLast = null;
            ChainedEvent last = null;
            boolean lastSound = true;
            long lastSequence = AuditChain.FIRST_SEQUENCE - 1;
            ChainHash lastHash = ChainHash.GENESIS;
            Site awaitingAfter = null;
            long at = 0;
            for (ChainedEvent event : events) {
                if (awaitingAfter != null) {
                    awaitingAfter.after = event;
                    awaitingAfter = null;
                }
                boolean sound = encoding.matches(event);
                long sequence = event.sequence();
                boolean joined = sequence == lastSequence + 1 && event.previousHash().equals(lastHash);
                if (!sound || !joined) {
                    awaitingAfter = suspect(at, beforeLast, last, lastSound, event, sound, joined);
                }
                if (sound && sequence > maxSoundSequence) {
                    maxSoundSequence = sequence;
                }
                if (checkpointSequences.length > 0) {
                    noteCheckpointHash(sequence, event.hash(), sound);
                }
                beforeLast = last;
                last = event;
                lastSound = sound;
                lastSequence = sequence;
                lastHash = event.hash();
                at++;
            }
            position = at;
        }

        /** Remembers a suspicious place; returns the site still waiting for the event after it. */
        private Site suspect(long at, ChainedEvent beforeLast, ChainedEvent last, boolean lastSound,
                             ChainedEvent event, boolean sound, boolean joined) {
            if (sites.size() >= itemizeLimit) {
                if (overflowFrom < 0) {
                    overflowFrom = event.sequence();
                }
                overflowCount++;
                overflowMaxSequence = Math.max(overflowMaxSequence, event.sequence());
                return null;
            }
            if (!joined && last != null) {
                Site previous = sitesByPosition.get(at - 1);
                if (previous == null) {
                    previous = new Site(at - 1, beforeLast, last, lastSound);
                    add(previous);
                }
                previous.after = event;
            }
            Site site = new Site(at, last, event, sound);
            add(site);
            return site;
        }

        private void add(Site site) {
            sites.add(site);
            sitesByPosition.put(site.position, site);
        }

        long lastFound() {
            long last = Math.max(maxSoundSequence, overflowMaxSequence);
            for (Site site : sites) {
                if (site.eventExplained) {
                    last = Math.max(last, site.slot);
                }
            }
            return last;
        }

        void explain(List<ChainFinding> findings) {
            if (sites.size() <= SWAP_SEARCH_LIMIT) {
                findSwaps(findings);
            }
            explainUnsoundEvents(findings);
            explainRehashedEvents(findings);
            explainGaps(findings);
            for (Site site : sites) {
                if (site.junctionBroken() && !site.junctionExplained) {
                    findings.add(new ChainFinding.BrokenChain(site.self.sequence()));
                }
            }
            if (overflowCount > 0) {
                findings.add(new ChainFinding.TooManyFindings(overflowFrom, overflowCount));
            }
        }

        private void findSwaps(List<ChainFinding> findings) {
            for (int i = 0; i < sites.size(); i++) {
                Site first = sites.get(i);
                for (int j = i + 1; j < sites.size() && !first.eventExplained; j++) {
                    Site second = sites.get(j);
                    if (second.eventExplained) {
                        continue;
                    }
                    for (Exchange exchange : Exchange.values()) {
                        ChainedEvent a = exchange.first(first.self, second.self);
                        ChainedEvent b = exchange.first(second.self, first.self);
                        if (a.equals(first.self) && b.equals(second.self)) {
                            continue;
                        }
                        if (consistent(first, second, exchange, a, b)) {
                            findings.add(new ChainFinding.ReorderedEvents(Math.min(a.sequence(), b.sequence()),
                                    Math.max(a.sequence(), b.sequence())));
                            explainSwapped(first, a);
                            explainSwapped(second, b);
                            break;
                        }
                    }
                }
            }
        }

        private void explainSwapped(Site site, ChainedEvent restored) {
            site.eventExplained = true;
            site.junctionExplained = true;
            site.slot = restored.sequence();
            Site next = sitesByPosition.get(site.position + 1);
            if (next != null) {
                next.junctionExplained = true;
            }
        }

        /** Whether putting {@code a} at {@code first} and {@code b} at {@code second} leaves both places sound. */
        private boolean consistent(Site first, Site second, Exchange exchange, ChainedEvent a, ChainedEvent b) {
            boolean adjacent = second.position == first.position + 1;
            if (!joins(first.before, a)) {
                return false;
            }
            ChainedEvent afterFirst = adjacent ? b : first.after;
            if (afterFirst != null && !joins(a, afterFirst)) {
                return false;
            }
            if (!adjacent && !joins(second.before, b)) {
                return false;
            }
            if (second.after != null && !joins(b, second.after)) {
                return false;
            }
            if (exchange == Exchange.ROWS) {
                return second.sound && first.sound;
            }
            return encoding.matches(a) && encoding.matches(b);
        }

        private void explainUnsoundEvents(List<ChainFinding> findings) {
            for (Site site : sites) {
                if (site.sound || site.eventExplained) {
                    continue;
                }
                long standsAfter = sequenceOf(site.before);
                long slot = site.self.sequence();
                if (!follows(site.before, site.self) && linked(site.before, site.self)) {
                    // the event still points at its predecessor, so its sequence number is what changed
                    slot = standsAfter + 1;
                }
                findings.add(new ChainFinding.AlteredEvent(slot));
                site.eventExplained = true;
                site.slot = slot;
                if (slot == standsAfter + 1) {
                    site.junctionExplained = true;
                }
                Site next = sitesByPosition.get(site.position + 1);
                if (next != null && next.self.sequence() == slot + 1) {
                    next.junctionExplained = true;
                }
            }
        }

        /** A link fails between two sound events with consecutive numbers: one was changed and re-hashed. */
        private void explainRehashedEvents(List<ChainFinding> findings) {
            for (Site site : sites) {
                if (!isRehashBreak(site)) {
                    continue;
                }
                Site next = sitesByPosition.get(site.position + 1);
                if (site.before == null || next != null && isRehashBreak(next) || differsFromSignedHead(site)) {
                    // the event's own previous hash changed: it breaks the link into it and, re-hashed, the one out
                    findings.add(new ChainFinding.AlteredEvent(site.self.sequence()));
                    if (next != null && isRehashBreak(next)) {
                        next.junctionExplained = true;
                    }
                } else {
                    findings.add(new ChainFinding.AlteredEvent(site.before.sequence()));
                }
                site.junctionExplained = true;
            }
        }

        /** The last event, with no successor to tell, is shown changed by the checkpoint that signed its hash. */
        private boolean differsFromSignedHead(Site site) {
            if (site.after != null) {
                return false;
            }
            int at = Arrays.binarySearch(checkpointSequences, site.self.sequence());
            return at >= 0 && !site.self.hash().equals(checkpointHeads[at]);
        }

        private boolean isRehashBreak(Site site) {
            if (site.junctionExplained || !site.sound || !follows(site.before, site.self)
                    || linked(site.before, site.self)) {
                return false;
            }
            Site previous = sitesByPosition.get(site.position - 1);
            return previous == null || previous.sound;
        }

        /** A gap means removal only while the numbers never step back; otherwise events were moved around. */
        private void explainGaps(List<ChainFinding> findings) {
            for (Site site : sites) {
                if (!site.junctionExplained && site.self.sequence() <= sequenceOf(site.before)) {
                    return;
                }
            }
            for (Site site : sites) {
                if (site.junctionExplained || !site.junctionBroken()) {
                    continue;
                }
                long standsAfter = sequenceOf(site.before);
                if (site.self.sequence() > standsAfter + 1 && !linked(site.before, site.self)) {
                    findings.add(new ChainFinding.RemovedEvents(standsAfter + 1, site.self.sequence() - 1));
                    site.junctionExplained = true;
                }
            }
        }
    }
}
