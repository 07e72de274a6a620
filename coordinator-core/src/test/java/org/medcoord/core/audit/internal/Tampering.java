package org.medcoord.core.audit.internal;

import org.medcoord.spi.audit.ChainEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainedEvent;

/** What someone with write access to the audit store might do; every method returns a changed copy. */
final class Tampering {

    /** How two events change places in a store. */
    enum SwapKind {
        /** The rows change places in the order read back, each keeping all its columns. */
        ROWS,
        /** Everything but the sequence numbers changes places (or the sequence numbers, read back in order). */
        CONTENTS,
        /** Only the audit records change places. */
        RECORDS,
        /** Only the sequence numbers change places, read back in the old row order. */
        SEQUENCES
    }

    private Tampering() {
    }

    static List<ChainedEvent> alterField(List<ChainedEvent> events, int index, AuditFixtures.Field field,
                                         SplittableRandom random) {
        ChainedEvent e = events.get(index);
        return replace(events, index, new ChainedEvent(e.sequence(), AuditFixtures.alter(e.record(), field, random),
                e.previousHash(), e.hash()));
    }

    /** Changes a field and stores the event's hash recomputed over the change. */
    static List<ChainedEvent> alterAndRehash(List<ChainedEvent> events, int index, AuditFixtures.Field field,
                                             SplittableRandom random) {
        ChainedEvent e = events.get(index);
        AuditRecord changed = AuditFixtures.alter(e.record(), field, random);
        return replace(events, index, new ChainedEvent(e.sequence(), changed, e.previousHash(),
                new ChainEncoding().hash(e.sequence(), e.previousHash(), changed)));
    }

    static List<ChainedEvent> setSequence(List<ChainedEvent> events, int index, long sequence) {
        ChainedEvent e = events.get(index);
        return replace(events, index, new ChainedEvent(sequence, e.record(), e.previousHash(), e.hash()));
    }

    static List<ChainedEvent> setPreviousHash(List<ChainedEvent> events, int index, ChainHash hash) {
        ChainedEvent e = events.get(index);
        return replace(events, index, new ChainedEvent(e.sequence(), e.record(), hash, e.hash()));
    }

    /** Changes the previous hash and stores the event's hash recomputed over the change. */
    static List<ChainedEvent> setPreviousHashAndRehash(List<ChainedEvent> events, int index, ChainHash hash) {
        ChainedEvent e = events.get(index);
        return replace(events, index, new ChainedEvent(e.sequence(), e.record(), hash,
                new ChainEncoding().hash(e.sequence(), hash, e.record())));
    }

    static List<ChainedEvent> setHash(List<ChainedEvent> events, int index, ChainHash hash) {
        ChainedEvent e = events.get(index);
        return replace(events, index, new ChainedEvent(e.sequence(), e.record(), e.previousHash(), hash));
    }

    /** Removes the events at {@code from} (inclusive) to {@code to} (exclusive). */
    static List<ChainedEvent> remove(List<ChainedEvent> events, int from, int to) {
        List<ChainedEvent> copy = new ArrayList<>(events.size());
        copy.addAll(events.subList(0, from));
        copy.addAll(events.subList(to, events.size()));
        return copy;
    }

    /** Keeps the first {@code keep} events. */
    static List<ChainedEvent> truncate(List<ChainedEvent> events, int keep) {
        return new ArrayList<>(events.subList(0, keep));
    }

    static List<ChainedEvent> swap(List<ChainedEvent> events, int i, int j, SwapKind kind) {
        List<ChainedEvent> copy = new ArrayList<>(events);
        ChainedEvent a = events.get(i);
        ChainedEvent b = events.get(j);
        switch (kind) {
            case ROWS -> {
                copy.set(i, b);
                copy.set(j, a);
            }
            case CONTENTS -> {
                copy.set(i, new ChainedEvent(a.sequence(), b.record(), b.previousHash(), b.hash()));
                copy.set(j, new ChainedEvent(b.sequence(), a.record(), a.previousHash(), a.hash()));
            }
            case RECORDS -> {
                copy.set(i, new ChainedEvent(a.sequence(), b.record(), a.previousHash(), a.hash()));
                copy.set(j, new ChainedEvent(b.sequence(), a.record(), b.previousHash(), b.hash()));
            }
            case SEQUENCES -> {
                copy.set(i, new ChainedEvent(b.sequence(), a.record(), a.previousHash(), a.hash()));
                copy.set(j, new ChainedEvent(a.sequence(), b.record(), b.previousHash(), b.hash()));
            }
        }
        return copy;
    }

    static ChainHash randomHash(SplittableRandom random) {
        return new ChainHash(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    private static List<ChainedEvent> replace(List<ChainedEvent> events, int index, ChainedEvent event) {
        List<ChainedEvent> copy = new ArrayList<>(events);
        copy.set(index, event);
        return copy;
    }
}
