package org.medcoord.core.audit.internal;

import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.medcoord.spi.audit.KeyProvider;

/**
 * Checks an audit chain as read back from a store, which may have been tampered with, and says
 * precisely what it finds: which event was altered, which were removed, which two were swapped,
 * where the tail was cut off against the checkpoint, and whether the checkpoint itself is forged.
 *
 * <p>One pass over the events recomputes every hash and checks every link; it remembers only the
 * few places where something is wrong, each with its neighbours. Those places are then explained,
 * simplest explanation first:
 * <ol>
 *   <li>two places that become consistent when two events are put back, whether the rows
 *       themselves, their contents or only their records or sequence numbers changed places:
 *       {@link AuditFinding.Swapped};
 *   <li>an event whose hash does not match its contents: {@link AuditFinding.Altered}, naming the
 *       sequence number the event stands at even when the sequence number itself was changed;
 *   <li>a link that does not hold between two events whose hashes do: the earlier event was
 *       changed and re-hashed, {@link AuditFinding.Altered}; unless the links into and out of the
 *       later event both fail, or it is the last and differs from the signed head, in which case
 *       the later one was pointed elsewhere and re-hashed;
 *   <li>a gap in the sequence numbers where the link does not hold, provided the numbers never
 *       step back (which would mean events were moved rather than removed): {@link AuditFinding.Removed};
 *   <li>anything else: {@link AuditFinding.Broken}.
 * </ol>
 * Against a checkpoint whose signature holds, the chain must reach the checkpoint's sequence
 * ({@link AuditFinding.Truncated}) and have the signed hash there ({@link AuditFinding.HeadMismatch}).
 * Events appended after the newest checkpoint are checked for links only: a tail cut off after it
 * cannot be seen, which is why checkpoints are taken periodically.
 *
 * <p>Thread safe: each call keeps its own state.
 */
public final class ChainVerifier {
    /** How many suspicious places are itemized before the rest are only counted. */
    static final int DEFAULT_ITEMIZE_LIMIT = 10_000;

    /** Above this many places, pairs are not searched for swaps (the search is quadratic). */
    private static final int SWAP_SEARCH_LIMIT = 64;

    private final KeyProvider keys;
    private final int itemizeLimit;

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
     * Checks that the chain links up from its first event, without a checkpoint: a removed tail
     * or a chain rewritten from the start cannot be seen this way.
     *
     * @param events the events as stored, in the order read back, from sequence 1
     * @return the report, never {@link VerificationReport#anchored() anchored}
     */
    public VerificationReport verify(Iterable<ChainedEvent> events) {
        return run(events, null);
    }

    /**
     * Checks the chain from its first event against a checkpoint, normally the newest one.
     *
     * @param events the events as stored, in the order read back, from sequence 1
     * @param checkpoint the checkpoint; when its signature does not hold the report says so and
     *     the chain is checked as by {@link #verify(Iterable)}
     * @return the report
     */
    public VerificationReport verify(Iterable<ChainedEvent> events, Checkpoint checkpoint) {
        return run(events, Objects.requireNonNull(checkpoint, "checkpoint"));
    }

    private VerificationReport run(Iterable<ChainedEvent> events, Checkpoint checkpoint) {
        List<AuditFinding> findings = new ArrayList<>();
        Checkpoint trusted = null;
        if (checkpoint != null) {
            Checkpoint.Status status = checkpoint.verify(keys);
            if (status == Checkpoint.Status.VALID) {
                trusted = checkpoint;
            } else {
                findings.add(new AuditFinding.BadCheckpoint(checkpoint.sequence(), checkpoint.keyId(), status));
            }
        }
        Run run = new Run(itemizeLimit, trusted);
        run.scan(events);
        run.explain(findings);
        long lastFound = run.lastFound();
        if (trusted != null) {
            checkAgainst(trusted, run, lastFound, findings);
        }
        findings.sort(Comparator.comparingLong(AuditFinding::firstSequence));
        return new VerificationReport(run.position, lastFound,
                trusted == null ? OptionalLong.empty() : OptionalLong.of(trusted.sequence()), findings);
    }

    private static void checkAgainst(Checkpoint trusted, Run run, long lastFound, List<AuditFinding> findings) {
        long sequence = trusted.sequence();
        if (sequence == AuditChain.FIRST_SEQUENCE - 1) {
            if (!trusted.head().equals(ChainHash.GENESIS)) {
                findings.add(new AuditFinding.HeadMismatch(sequence));
            }
        } else if (lastFound < sequence) {
            findings.add(new AuditFinding.Truncated(lastFound, sequence));
        } else if (!covers(findings, sequence)
                && (run.checkpointHash == null || !run.checkpointHash.equals(trusted.head()))) {
            findings.add(new AuditFinding.HeadMismatch(sequence));
        }
    }

    private static boolean covers(List<AuditFinding> findings, long sequence) {
        for (AuditFinding finding : findings) {
            boolean covered;
            if (finding instanceof AuditFinding.Altered altered) {
                covered = altered.sequence() == sequence;
            } else if (finding instanceof AuditFinding.Swapped swapped) {
                covered = swapped.first() == sequence || swapped.second() == sequence;
            } else if (finding instanceof AuditFinding.Removed removed) {
                covered = removed.first() <= sequence && sequence <= removed.last();
            } else if (finding instanceof AuditFinding.Broken broken) {
                covered = broken.sequence() == sequence;
            } else {
                covered = finding instanceof AuditFinding.Overflow overflow && overflow.fromSequence() <= sequence;
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
        private final long checkpointSequence;
        private final ChainHash checkpointHead;
        private final List<Site> sites = new ArrayList<>();
        private final Map<Long, Site> sitesByPosition = new HashMap<>();
        long position;
        private long maxSoundSequence = AuditChain.FIRST_SEQUENCE - 1;
        private long overflowFrom = -1;
        private long overflowCount;
        private long overflowMaxSequence = AuditChain.FIRST_SEQUENCE - 1;
        ChainHash checkpointHash;
        private boolean checkpointHashSound;

        Run(int itemizeLimit, Checkpoint trusted) {
            this.itemizeLimit = itemizeLimit;
            this.checkpointSequence = trusted == null ? Long.MIN_VALUE : trusted.sequence();
            this.checkpointHead = trusted == null ? null : trusted.head();
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
                // The head to compare with the checkpoint: the first event claiming its sequence whose
                // hash matches its contents, so that an earlier event renumbered to that sequence
                // (reported as altered) does not also read as a rewritten head.
                if (sequence == checkpointSequence && (checkpointHash == null || sound && !checkpointHashSound)) {
                    checkpointHash = event.hash();
                    checkpointHashSound = sound;
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

        void explain(List<AuditFinding> findings) {
            if (sites.size() <= SWAP_SEARCH_LIMIT) {
                findSwaps(findings);
            }
            explainUnsoundEvents(findings);
            explainRehashedEvents(findings);
            explainGaps(findings);
            for (Site site : sites) {
                if (site.junctionBroken() && !site.junctionExplained) {
                    findings.add(new AuditFinding.Broken(site.self.sequence()));
                }
            }
            if (overflowCount > 0) {
                findings.add(new AuditFinding.Overflow(overflowFrom, overflowCount));
            }
        }

        private void findSwaps(List<AuditFinding> findings) {
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
                            findings.add(new AuditFinding.Swapped(Math.min(a.sequence(), b.sequence()),
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

        private void explainUnsoundEvents(List<AuditFinding> findings) {
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
                findings.add(new AuditFinding.Altered(slot));
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
        private void explainRehashedEvents(List<AuditFinding> findings) {
            for (Site site : sites) {
                if (!isRehashBreak(site)) {
                    continue;
                }
                Site next = sitesByPosition.get(site.position + 1);
                if (site.before == null || next != null && isRehashBreak(next) || differsFromSignedHead(site)) {
                    // the event's own previous hash changed: it breaks the link into it and, re-hashed, the one out
                    findings.add(new AuditFinding.Altered(site.self.sequence()));
                    if (next != null && isRehashBreak(next)) {
                        next.junctionExplained = true;
                    }
                } else {
                    findings.add(new AuditFinding.Altered(site.before.sequence()));
                }
                site.junctionExplained = true;
            }
        }

        /** The last event, with no successor to tell, is shown changed by the checkpoint that signed its hash. */
        private boolean differsFromSignedHead(Site site) {
            return site.after == null && site.self.sequence() == checkpointSequence
                    && !site.self.hash().equals(checkpointHead);
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
        private void explainGaps(List<AuditFinding> findings) {
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
                    findings.add(new AuditFinding.Removed(standsAfter + 1, site.self.sequence() - 1));
                    site.junctionExplained = true;
                }
            }
        }
    }
}
