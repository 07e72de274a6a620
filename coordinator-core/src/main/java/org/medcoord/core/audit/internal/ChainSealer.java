package org.medcoord.core.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.medcoord.spi.audit.AuditSink;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.ExportedAuditEvent;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.audit.SealedRecord;
import org.medcoord.spi.audit.UnsealedRecord;
import org.medcoord.spi.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals appended audit records into the hash chain and exports sealed events to the sinks.
 *
 * <p>Audited calls only insert their record; this class later takes the unsealed records in the
 * order the store returns them, locks the stored chain head (so that one sealer works at a time,
 * even with several nodes on one database), numbers and hashes them on from the head and stores
 * them sealed, in batches of {@value #BATCH}, one transaction each. A record whose transaction
 * commits after a pass started is sealed by a later pass. Every {@code checkpointEvery} events,
 * and on demand, it signs a checkpoint of the head with the key provider.
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
    private final List<AuditSink> sinks;
    private final long checkpointEvery;
    private final FhirAuditEvents fhir = new FhirAuditEvents();

    /**
     * Creates a sealer.
     *
     * @param storage the storage
     * @param clock the clock, for checkpoint times
     * @param keys the key provider that signs checkpoints
     * @param sinks the sinks to export sealed events to
     * @param checkpointEvery sign a checkpoint when the head is this many events past the newest one
     */
    public ChainSealer(Storage storage, Clock clock, KeyProvider keys, List<AuditSink> sinks, long checkpointEvery) {
        if (checkpointEvery < 1) {
            throw new IllegalArgumentException("checkpointEvery must be positive");
        }
        this.storage = storage;
        this.clock = clock;
        this.keys = keys;
        this.sinks = List.copyOf(sinks);
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
     * Seals every record committed so far, signs checkpoints as due, then exports to the sinks.
     *
     * @param checkpointHead also sign a checkpoint of the final head unless the newest one names it
     * @return how many records were sealed
     */
    public synchronized long seal(boolean checkpointHead) {
        long sealed = 0;
        int count;
        do {
            count = storage.inTransaction(tx -> {
                ChainHead head = tx.audit().lockHead();
                Optional<Checkpoint> newest = tx.audit().latestCheckpoint();
                if (newest.isPresent() && contradicts(newest.get(), head)) {
                    return REFUSED;
                }
                List<UnsealedRecord> batch = tx.audit().unsealed(BATCH);
                AuditChain chain = AuditChain.after(head);
                List<SealedRecord> events = new ArrayList<>(batch.size());
                for (UnsealedRecord record : batch) {
                    events.add(new SealedRecord(record.key(), chain.append(record.record())));
                }
                if (!events.isEmpty()) {
                    tx.audit().seal(events);
                }
                boolean last = batch.size() < BATCH;
                long signed = newest.map(Checkpoint::sequence).orElse(-1L);
                long now = chain.headSequence();
                // A newest checkpoint whose key this provider does not know (a key generated in memory by
                // an earlier run, or a retired provider) cannot anchor a verification here: sign the head again.
                boolean unknownKey = newest.isPresent() && keys.verificationKey(newest.get().keyId()).isEmpty();
                if (now - Math.max(signed, 0) >= checkpointEvery
                        || checkpointHead && last && (now != signed || unknownKey)) {
                    tx.audit().addCheckpoint(chain.checkpoint(clock.instant(), keys));
                }
                return batch.size();
            });
            if (count == REFUSED) {
                LOG.error("the stored audit chain head is behind or differs from the newest signed checkpoint: the "
                        + "chain was truncated or rewritten; sealing stops until the trail is verified and repaired");
                break;
            }
            sealed += count;
        } while (count == BATCH);
        if (sealed > 0) {
            LOG.debug("sealed {} audit records", sealed);
        }
        export();
        return sealed;
    }

    /**
     * Seals, logging rather than throwing a failure: for background passes and shutdown.
     */
    public void sealQuietly() {
        try {
            seal(false);
        } catch (RuntimeException e) {
            LOG.warn("sealing the audit chain failed: {}", e.getClass().getSimpleName(), e);
        }
    }

    /**
     * The stored events from the first on, read in pages of {@value #BATCH}, each page in a read
     * unit of its own: the order of the stored sequence numbers, whatever they are.
     *
     * @return the events, lazily
     */
    public Iterable<ChainedEvent> storedChain() {
        return () -> new Iterator<>() {
            private List<ChainedEvent> page = List.of();
            private int index;
            private long from = Long.MIN_VALUE;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (index < page.size()) {
                    return true;
                }
                if (done) {
                    return false;
                }
                long start = from;
                page = storage.read(tx -> tx.audit().chain(start, BATCH));
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
        };
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
}
