package org.medcoord.core.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.spi.audit.AuditSink;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.ExportedAuditEvent;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.audit.SealedRecord;
import org.medcoord.spi.audit.UnsealedRecord;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals appended audit records into the hash chain, signs checkpoints, hands them to the
 * witnesses and exports sealed events to the sinks.
 *
 * <p>Audited calls only insert their record; this class later takes the unsealed records in the
 * order the store returns them, locks the stored chain head (so that one sealer works at a time,
 * even with several nodes on one database), numbers and hashes them on from the head and stores
 * them sealed, in batches of {@value #BATCH}, one transaction each. A record whose transaction
 * commits after a pass started is sealed by a later pass.
 *
 * <p>It never seals on from a head that the store contradicts: a head behind the newest
 * checkpoint, or one the stored events no longer end at (a cut or rewritten tail). It signs a
 * checkpoint only over what it has checked: every {@code checkpointEvery} events, after checking
 * that the stored events since the newest checkpoint still continue it up to the head; and
 * {@linkplain #signHead(ChainHead) after a clean verification}, over the head that verification
 * read. It refuses to sign while any witness holds a checkpoint the store lacks, which would fork
 * the chain of checkpoints. A checkpoint is handed to the witnesses once its transaction has
 * committed; a witness that failed is offered what it missed on a later pass.
 *
 * <p>Thread safe: passes of one sealer are serialized; passes of sealers on other nodes wait on the
 * head lock.
 */
public final class ChainSealer {
    /** Records sealed in one transaction. */
    static final int BATCH = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(ChainSealer.class);
    private static final int REFUSED = -1;

    private final Storage storage;
    private final Clock clock;
    private final KeyProvider keys;
    private final boolean keysDurable;
    private final List<AuditSink> sinks;
    private final List<CheckpointWitness> witnesses;
    private final boolean durableWitness;
    private final long checkpointEvery;
    private final FhirAuditEvents fhir = new FhirAuditEvents();
    private boolean refusalReported;

    /**
     * Creates a sealer.
     *
     * @param storage the storage
     * @param clock the clock, for checkpoint times
     * @param keys the key provider that signs checkpoints
     * @param keysDurable whether the keys outlive this process (a registered provider)
     * @param sinks the sinks to export sealed events to
     * @param witnesses the witnesses, this process's own first
     * @param durableWitness whether a witness outside this process is among them
     * @param checkpointEvery sign a checkpoint when the head is this many events past the newest one
     */
    public ChainSealer(Storage storage, Clock clock, KeyProvider keys, boolean keysDurable, List<AuditSink> sinks,
                       List<CheckpointWitness> witnesses, boolean durableWitness, long checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be positive");
        }
        this.storage = storage;
        this.clock = clock;
        this.keys = keys;
        this.keysDurable = keysDurable;
        this.sinks = List.copyOf(sinks);
        this.witnesses = List.copyOf(witnesses);
        this.durableWitness = durableWitness;
        this.checkpointEvery = checkpointEvery;
    }

    /**
     * The key provider, which also verifies checkpoints.
     *
     * @return the keys
     */
    public KeyProvider keys() {
        return keys;
    }

    /**
     * What this configuration cannot detect.
     *
     * @return the limitations, empty with durable keys and a durable witness
     */
    public Set<AuditVerification.Limitation> limitations() {
        Set<AuditVerification.Limitation> limits = EnumSet.noneOf(AuditVerification.Limitation.class);
        if (!keysDurable) {
            limits.add(AuditVerification.Limitation.KEYS_NOT_DURABLE);
        }
        if (!durableWitness) {
            limits.add(AuditVerification.Limitation.NO_DURABLE_WITNESS);
        }
        return limits;
    }

    /**
     * Seals every record committed so far, signs the checkpoints that are due, hands new
     * checkpoints to the witnesses, then exports to the sinks.
     *
     * @return how many records were sealed
     */
    public synchronized long seal() {
        long sealed = 0;
        int count;
        do {
            count = storage.inTransaction(tx -> sealBatch(tx.audit()));
            if (count == REFUSED) {
                if (!refusalReported) {
                    refusalReported = true;
                    LOG.error("the stored audit chain head is behind the newest signed checkpoint, or the stored events "
                            + "no longer end at it: the chain was truncated or rewritten; sealing stops until the "
                            + "trail is verified and repaired");
                }
                break;
            }
            refusalReported = false;
            sealed += count;
        } while (count == BATCH);
        if (sealed > 0) {
            LOG.debug("sealed {} audit records", sealed);
        }
        offerToWitnesses();
        export();
        return sealed;
    }

    private int sealBatch(AuditStore audit) {
        ChainHead head = audit.lockHead();
        Optional<Checkpoint> newest = audit.latestCheckpoint();
        if (newest.isPresent() && contradicts(newest.get(), head) || !endsAt(audit, head)) {
            return REFUSED;
        }
        List<UnsealedRecord> batch = audit.unsealed(BATCH);
        AuditChain chain = AuditChain.after(head);
        List<SealedRecord> events = new ArrayList<>(batch.size());
        for (UnsealedRecord record : batch) {
            events.add(new SealedRecord(record.key(), chain.append(record.record())));
        }
        if (!events.isEmpty()) {
            audit.seal(events);
        }
        long signed = newest.map(Checkpoint::sequence).orElse(0L);
        if (chain.headSequence() - signed >= checkpointEvery && mayFollow(newest, audit, head)) {
            audit.addCheckpoint(chain.checkpoint(newest, clock.instant(), keys));
        }
        return batch.size();
    }

    /**
     * Signs a checkpoint of the stored head after a verification that found nothing wrong, when
     * the head has moved past the newest checkpoint: over the head the verification read, or over
     * a later head when the stored events continue that one up to it.
     *
     * @param verified the last event the verification read, as sequence and hash
     * @return the checkpoint signed, or empty when none was due or the store gave cause to refuse
     */
    public synchronized Optional<Checkpoint> signHead(ChainHead verified) {
        Optional<Checkpoint> signed = storage.inTransaction(tx -> {
            AuditStore audit = tx.audit();
            ChainHead head = audit.lockHead();
            Optional<Checkpoint> newest = audit.latestCheckpoint();
            if (head.sequence() == 0 || newest.isPresent() && newest.get().sequence() >= head.sequence()
                    || witnessAhead(newest)) {
                return Optional.<Checkpoint>empty();
            }
            if (!head.equals(verified) && !ChainVerifier.continues(verified, stored(audit, verified.sequence()), head)) {
                return Optional.<Checkpoint>empty();
            }
            Checkpoint checkpoint = AuditChain.after(head).checkpoint(newest, clock.instant(), keys);
            audit.addCheckpoint(checkpoint);
            return Optional.of(checkpoint);
        });
        offerToWitnesses();
        return signed;
    }

    /**
     * Seals, logging rather than throwing a failure: for background passes and shutdown.
     */
    public void sealQuietly() {
        try {
            seal();
        } catch (RuntimeException e) {
            LOG.warn("sealing the audit chain failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * The stored events from the first on, read in pages of {@value #BATCH}, each page in a read
     * unit of its own: the order of the stored sequence numbers, whatever they are.
     *
     * @return the events, lazily
     */
    public Iterable<ChainedEvent> storedChain() {
        return () -> new Pages(Long.MIN_VALUE, null);
    }

    /**
     * Every stored checkpoint in index order, as stored.
     *
     * @return the checkpoints
     */
    public List<Checkpoint> storedCheckpoints() {
        List<Checkpoint> all = new ArrayList<>();
        long from = Long.MIN_VALUE;
        while (true) {
            long start = from;
            List<Checkpoint> page = storage.read(tx -> tx.audit().checkpoints(start, BATCH));
            all.addAll(page);
            if (page.size() < BATCH || page.get(page.size() - 1).index() == Long.MAX_VALUE) {
                return List.copyOf(all);
            }
            from = page.get(page.size() - 1).index() + 1;
        }
    }

    /**
     * The newest checkpoint of each witness that holds one. A witness that cannot be reached is
     * left out and logged.
     *
     * @return what the witnesses hold
     */
    public List<ChainVerifier.Witnessed> witnessed() {
        List<ChainVerifier.Witnessed> held = new ArrayList<>();
        for (CheckpointWitness witness : witnesses) {
            try {
                witness.newest().ifPresent(c -> held.add(new ChainVerifier.Witnessed(witness.id(), c)));
            } catch (RuntimeException e) {
                LOG.warn("checkpoint witness {} could not be read: {}", witness.id(), e.getClass().getSimpleName());
            }
        }
        return held;
    }

    /**
     * Whether the stored head cannot have grown from the checkpoint: it is behind it, or at its
     * sequence with another hash. Sealing on from such a head, and signing it, would launder a
     * truncation, so the sealer refuses and leaves the finding to the verifier.
     */
    private static boolean contradicts(Checkpoint checkpoint, ChainHead head) {
        return checkpoint.sequence() > head.sequence()
                || checkpoint.sequence() == head.sequence() && !checkpoint.head().equals(head.hash());
    }

    /** Whether the stored events still end at the stored head: its event is there, unchanged, and none follows. */
    private static boolean endsAt(AuditStore audit, ChainHead head) {
        List<ChainedEvent> last = audit.chain(head.sequence(), 2);
        if (head.sequence() == 0) {
            return last.isEmpty();
        }
        return last.size() == 1 && last.get(0).sequence() == head.sequence() && last.get(0).hash().equals(head.hash());
    }

    /**
     * Whether a checkpoint may follow the newest one over the stored head: the newest one's
     * signature holds (or names a key unknown here, which is no evidence of tampering), no witness
     * is ahead, and the stored events continue it soundly up to the head.
     */
    private boolean mayFollow(Optional<Checkpoint> newest, AuditStore audit, ChainHead head) {
        if (witnessAhead(newest)) {
            return false;
        }
        ChainHead anchor = ChainHead.EMPTY;
        if (newest.isPresent()) {
            if (newest.get().verify(keys) == Checkpoint.Status.INVALID_SIGNATURE) {
                LOG.error("audit checkpoint {} does not verify: no checkpoint is signed until the trail is verified",
                        newest.get().index());
                return false;
            }
            anchor = new ChainHead(newest.get().sequence(), newest.get().head());
        }
        if (!ChainVerifier.continues(anchor, stored(audit, Math.max(anchor.sequence(), ChainedEvent.FIRST_SEQUENCE)),
                head)) {
            LOG.error("the stored audit events since checkpoint {} do not verify: no checkpoint is signed until the "
                    + "trail is verified", newest.map(Checkpoint::index).orElse(0L));
            return false;
        }
        return true;
    }

    /** Whether a witness holds a checkpoint at or beyond the index the next one would get. */
    private boolean witnessAhead(Optional<Checkpoint> newest) {
        long next = newest.map(c -> c.index() + 1).orElse(Checkpoint.FIRST_INDEX);
        for (ChainVerifier.Witnessed held : witnessed()) {
            if (held.newest().index() >= next) {
                LOG.error("checkpoint witness {} holds checkpoint {}, which the store lacks: the store was rolled back; "
                        + "no checkpoint is signed", held.witness(), held.newest().index());
                return true;
            }
        }
        return false;
    }

    /** The stored events from a sequence on, paged inside the caller's unit. */
    private Iterable<ChainedEvent> stored(AuditStore audit, long from) {
        return () -> new Pages(from, audit);
    }

    /** Hands every stored checkpoint a witness has not seen to it, in index order. */
    private void offerToWitnesses() {
        if (witnesses.isEmpty()) {
            return;
        }
        Optional<Checkpoint> newest = storage.read(tx -> tx.audit().latestCheckpoint());
        if (newest.isEmpty()) {
            return;
        }
        for (CheckpointWitness witness : witnesses) {
            try {
                Optional<Checkpoint> held = witness.newest();
                long from = held.map(c -> c.index() + 1).orElse(Checkpoint.FIRST_INDEX);
                if (from > newest.get().index()) {
                    continue;
                }
                List<Checkpoint> missed = from == newest.get().index() ? List.of(newest.get())
                        : storage.read(tx -> tx.audit().checkpoints(from, Integer.MAX_VALUE));
                for (Checkpoint checkpoint : missed) {
                    witness.witness(checkpoint);
                }
            } catch (RuntimeException e) {
                LOG.warn("checkpoint witness {} did not take the newest checkpoints; they are offered again on the "
                        + "next pass: {}", witness.id(), e.getClass().getSimpleName());
            }
        }
    }

    private void export() {
        for (AuditSink sink : sinks) {
            try {
                exportTo(sink);
            } catch (RuntimeException e) {
                LOG.warn("audit sink {} failed; its events are offered again on the next pass: {}", sink.id(),
                        e.getClass().getSimpleName());
            }
        }
    }

    private void exportTo(AuditSink sink) {
        String id = sink.id();
        long mark = storage.read(tx -> tx.audit().sinkMark(id));
        while (true) {
            long from = mark + 1;
            List<ChainedEvent> events = storage.read(tx -> tx.audit().chain(from, BATCH));
            if (events.isEmpty()) {
                return;
            }
            List<ExportedAuditEvent> batch = new ArrayList<>(events.size());
            for (ChainedEvent event : events) {
                batch.add(new ExportedAuditEvent(event, fhir.json(event)));
            }
            sink.accept(List.copyOf(batch));
            long last = events.get(events.size() - 1).sequence();
            storage.inTransaction(tx -> {
                tx.audit().setSinkMark(id, last);
                return null;
            });
            mark = last;
            if (events.size() < BATCH) {
                return;
            }
        }
    }

    /**
     * Stored events in pages of {@value #BATCH} from a sequence on: through the given store (inside
     * its unit), or, without one, each page in a read unit of its own.
     */
    private final class Pages implements Iterator<ChainedEvent> {
        private final AuditStore within;
        private List<ChainedEvent> page = List.of();
        private int index;
        private long from;
        private boolean done;

        Pages(long from, AuditStore within) {
            this.from = from;
            this.within = within;
        }

        @Override
        public boolean hasNext() {
            if (index < page.size()) {
                return true;
            }
            if (done) {
                return false;
            }
            long start = from;
            page = within != null ? within.chain(start, BATCH) : storage.read(tx -> tx.audit().chain(start, BATCH));
            index = 0;
            if (page.size() < BATCH) {
                done = true;
            }
            if (!page.isEmpty()) {
                long lastSequence = page.get(page.size() - 1).sequence();
                if (lastSequence == Long.MAX_VALUE) {
                    done = true;
                }
                from = lastSequence + 1;
            }
            return index < page.size();
        }

        @Override
        public ChainedEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(index++);
        }
    }
}
