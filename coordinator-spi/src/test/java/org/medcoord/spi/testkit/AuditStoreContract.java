package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.USER;
import static org.medcoord.spi.testkit.Fixtures.audit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.PatientId;
import org.medcoord.spi.audit.AuditQuery;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.KeyProvider.KeyId;
import org.medcoord.spi.audit.SealedRecord;
import org.medcoord.spi.audit.UnsealedRecord;
import org.medcoord.api.audit.NodeId;

/**
 * The contract of {@link org.medcoord.spi.storage.AuditStore}: records come back unchanged in
 * append order, and an append in a unit that rolls back never appears; unsealed records are
 * offered in append order until sealed, sealing moves the head and is undone by a rollback,
 * sealed events come back as sealed in sequence order and are found by queries, checkpoints
 * round-trip in index order with unique indexes, sink marks round-trip, and concurrent sealers holding the head seal every record exactly once.
 *
 * @since 0.1
 */
public class AuditStoreContract extends ContractSupport {
    /** For subclasses. */
    protected AuditStoreContract() {
    }

    @Test
    void recordsComeBackUnchangedInAppendOrder() {
        assertEquals(List.of(), all());
        AuditRecord denied = new AuditRecord(NOW, USER, Optional.of(UserId.of("u-doctor")), FacilityId.of("f-east"), NodeId.of("node-b"),
                Purpose.EMERGENCY, "appointment.read", List.of("a-1", "p-1"), Optional.empty(), AuditOutcome.DENIED,
                "break-glass-expired");
        update(tx -> {
            tx.audit().append(audit("appointment.book", "a-2"));
            tx.audit().append(denied);
        });
        update(tx -> tx.audit().append(audit("appointment.cancel", "a-2")));

        assertEquals(List.of(audit("appointment.book", "a-2"), denied, audit("appointment.cancel", "a-2")), all());
    }

    @Test
    void rolledBackAppendNeverAppears() {
        update(tx -> tx.audit().append(audit("appointment.book", "a-1")));
        assertThrows(IllegalStateException.class, () -> update(tx -> {
            tx.audit().append(audit("appointment.book", "a-2"));
            tx.audit().append(audit("appointment.book", "a-3"));
            throw new IllegalStateException("roll back");
        }));
        update(tx -> tx.audit().append(audit("appointment.book", "a-4")));

        assertEquals(List.of(audit("appointment.book", "a-1"), audit("appointment.book", "a-4")), all());
    }

    @Test
    void appendsAreSeenWithinTheirOwnUnit() {
        List<AuditRecord> inside = write(tx -> {
            tx.audit().append(audit("appointment.book", "a-1"));
            return tx.audit().all();
        });

        assertEquals(List.of(audit("appointment.book", "a-1")), inside);
    }

    private List<AuditRecord> all() {
        return read(tx -> tx.audit().all());
    }

    @Test
    void anEmptyStoreHasAnEmptyChain() {
        assertEquals(ChainHead.EMPTY, write(tx -> tx.audit().lockHead()));
        assertEquals(List.of(), read(tx -> tx.audit().unsealed(10)));
        assertEquals(List.of(), read(tx -> tx.audit().chain(Long.MIN_VALUE, 10)));
        assertEquals(Optional.empty(), read(tx -> tx.audit().latestCheckpoint()));
        assertEquals(0L, (long) read(tx -> tx.audit().sinkMark("siem")));
    }

    @Test
    void unsealedRecordsComeInAppendOrderUntilSealed() {
        update(tx -> {
            for (int i = 1; i <= 5; i++) {
                tx.audit().append(audit("appointment.book", "a-" + i));
            }
        });

        List<UnsealedRecord> first = read(tx -> tx.audit().unsealed(3));
        assertEquals(List.of(audit("appointment.book", "a-1"), audit("appointment.book", "a-2"),
                audit("appointment.book", "a-3")), first.stream().map(UnsealedRecord::record).toList());
        assertEquals(3, first.stream().map(UnsealedRecord::key).distinct().count(), "keys must be unique");

        List<ChainedEvent> sealed = sealNext(3);
        assertEquals(new ChainHead(3, sealed.get(2).hash()), write(tx -> tx.audit().lockHead()));
        assertEquals(List.of(audit("appointment.book", "a-4"), audit("appointment.book", "a-5")),
                read(tx -> tx.audit().unsealed(10)).stream().map(UnsealedRecord::record).toList());
        assertEquals(sealed, read(tx -> tx.audit().chain(Long.MIN_VALUE, 10)));

        List<ChainedEvent> rest = sealNext(10);
        assertEquals(List.of(4L, 5L), rest.stream().map(ChainedEvent::sequence).toList());
        assertEquals(List.of(), read(tx -> tx.audit().unsealed(10)));
        List<ChainedEvent> all = new ArrayList<>(sealed);
        all.addAll(rest);
        assertEquals(all, read(tx -> tx.audit().chain(1, 10)));
        assertEquals(all.subList(1, 4), read(tx -> tx.audit().chain(2, 3)), "from a sequence, at most the limit");
        assertEquals(5, read(tx -> tx.audit().all()).size(), "sealing keeps every record in the trail");
    }

    @Test
    void aRolledBackSealLeavesRecordsUnsealedAndTheHeadWhereItWas() {
        update(tx -> tx.audit().append(audit("appointment.book", "a-1")));
        sealNext(10);
        update(tx -> tx.audit().append(audit("appointment.book", "a-2")));
        ChainHead before = write(tx -> tx.audit().lockHead());

        assertThrows(IllegalStateException.class, () -> update(tx -> {
            seal(tx, 10);
            tx.audit().addCheckpoint(checkpoint(1, 2, 1));
            tx.audit().setSinkMark("siem", 2);
            throw new IllegalStateException("roll back");
        }));

        assertEquals(before, write(tx -> tx.audit().lockHead()));
        assertEquals(List.of(audit("appointment.book", "a-2")),
                read(tx -> tx.audit().unsealed(10)).stream().map(UnsealedRecord::record).toList());
        assertEquals(1, read(tx -> tx.audit().chain(1, 10)).size());
        assertEquals(Optional.empty(), read(tx -> tx.audit().latestCheckpoint()));
        assertEquals(0L, (long) read(tx -> tx.audit().sinkMark("siem")));
    }

    @Test
    void aRecordOrASequenceIsSealedOnlyOnce() {
        update(tx -> {
            tx.audit().append(audit("appointment.book", "a-1"));
            tx.audit().append(audit("appointment.book", "a-2"));
        });
        List<UnsealedRecord> records = read(tx -> tx.audit().unsealed(10));
        update(tx -> {
            tx.audit().lockHead();
            tx.audit().seal(List.of(new SealedRecord(records.get(0).key(), event(1, ChainHash.GENESIS,
                    records.get(0).record()))));
        });

        ConflictException again = assertThrows(ConflictException.class, () -> update(tx -> {
            tx.audit().lockHead();
            tx.audit().seal(List.of(new SealedRecord(records.get(0).key(), event(2, hash(1), records.get(0).record()))));
        }));
        assertEquals("audit-record-sealed", again.code());
        ConflictException taken = assertThrows(ConflictException.class, () -> update(tx -> {
            tx.audit().lockHead();
            tx.audit().seal(List.of(new SealedRecord(records.get(1).key(), event(1, ChainHash.GENESIS,
                    records.get(1).record()))));
        }));
        assertEquals("audit-chain-sequence-taken", taken.code());
        assertEquals(1, read(tx -> tx.audit().unsealed(10)).size());
    }

    @Test
    void queriesFindSealedEventsByPatientUserPurposeOutcomeAndHalfOpenPeriod() {
        Instant t0 = NOW;
        AuditRecord treat = record(t0, "u-1", "p-1", Purpose.TREATMENT, AuditOutcome.SUCCESS);
        AuditRecord emergency = record(t0.plusSeconds(10), "u-2", "p-1", Purpose.EMERGENCY, AuditOutcome.SUCCESS);
        AuditRecord denied = record(t0.plusSeconds(20), "u-2", "p-2", Purpose.RESEARCH, AuditOutcome.DENIED);
        AuditRecord noPatient = new AuditRecord(t0.plusSeconds(30), UserId.of("u-1"), Optional.empty(),
                FacilityId.of("f-main"), NodeId.of("node-1"), Purpose.OPERATIONS, "schedule.read", List.of(),
                Optional.empty(), AuditOutcome.SUCCESS, "ok");
        update(tx -> List.of(treat, emergency, denied, noPatient).forEach(tx.audit()::append));
        sealNext(10);
        AuditRecord unsealed = record(t0.plusSeconds(5), "u-1", "p-1", Purpose.TREATMENT, AuditOutcome.SUCCESS);
        update(tx -> tx.audit().append(unsealed));
        Instant end = t0.plus(Duration.ofHours(1));

        assertEquals(List.of(treat, emergency), found(query(Optional.of("p-1"), Optional.empty(), Set.of(), Set.of(),
                t0, end)), "by patient, sealed events only");
        assertEquals(List.of(emergency, denied), found(query(Optional.empty(), Optional.of("u-2"), Set.of(), Set.of(),
                t0, end)));
        assertEquals(List.of(emergency), found(query(Optional.empty(), Optional.empty(), Set.of(Purpose.EMERGENCY),
                Set.of(), t0, end)));
        assertEquals(List.of(emergency), found(query(Optional.empty(), Optional.of("u-2"),
                Set.of(Purpose.EMERGENCY, Purpose.RESEARCH), Set.of(AuditOutcome.SUCCESS), t0, end)));
        assertEquals(List.of(emergency, denied), found(query(Optional.empty(), Optional.empty(), Set.of(), Set.of(),
                t0.plusSeconds(10), t0.plusSeconds(30))), "from inclusive, to exclusive");
        assertEquals(List.of(), found(query(Optional.of("p-9"), Optional.empty(), Set.of(), Set.of(), t0, end)));
    }

    @Test
    void checkpointsComeBackInIndexOrderAsStoredAndTheLatestHasTheHighestIndex() {
        update(tx -> tx.audit().addCheckpoint(checkpoint(2, 9, 2)));
        update(tx -> tx.audit().addCheckpoint(checkpoint(1, 5, 1)));
        update(tx -> tx.audit().addCheckpoint(checkpoint(4, 9, 4)));
        assertEquals(Optional.of(checkpoint(4, 9, 4)), read(tx -> tx.audit().latestCheckpoint()));

        assertEquals(List.of(checkpoint(1, 5, 1), checkpoint(2, 9, 2), checkpoint(4, 9, 4)),
                read(tx -> tx.audit().checkpoints(Long.MIN_VALUE, 10)));
        assertEquals(List.of(checkpoint(2, 9, 2)), read(tx -> tx.audit().checkpoints(2, 1)));
        assertEquals(List.of(checkpoint(4, 9, 4)), read(tx -> tx.audit().checkpoints(3, 10)));
        assertEquals(List.of(), read(tx -> tx.audit().checkpoints(5, 10)));
        assertEquals(List.of(), read(tx -> tx.audit().checkpoints(1, 0)));
    }

    @Test
    void aSecondCheckpointWithATakenIndexIsRefusedAndChangesNothing() {
        update(tx -> tx.audit().addCheckpoint(checkpoint(1, 5, 1)));

        ConflictException refused = assertThrows(ConflictException.class,
                () -> update(tx -> tx.audit().addCheckpoint(checkpoint(1, 7, 2))));

        assertEquals("audit-checkpoint-index-taken", refused.code());
        assertEquals(List.of(checkpoint(1, 5, 1)), read(tx -> tx.audit().checkpoints(1, 10)));
    }

    @Test
    void sinkMarksAreKeptPerSinkAndReplaced() {
        update(tx -> tx.audit().setSinkMark("siem", 10));
        update(tx -> tx.audit().setSinkMark("fhir-server", 3));
        update(tx -> tx.audit().setSinkMark("siem", 12));

        assertEquals(12L, (long) read(tx -> tx.audit().sinkMark("siem")));
        assertEquals(3L, (long) read(tx -> tx.audit().sinkMark("fhir-server")));
        assertEquals(0L, (long) read(tx -> tx.audit().sinkMark("other")));
    }

    @Test
    void concurrentSealersHoldingTheHeadSealEveryRecordExactlyOnce() {
        int threads = 4;
        int perThread = 30;
        Concurrently.run(threads, t -> {
            for (int i = 0; i < perThread; i++) {
                String entity = "t" + t + "-" + i;
                update(tx -> tx.audit().append(audit("test.append", entity)));
                if (i % 3 == t % 3) {
                    update(tx -> seal(tx, 7));
                }
            }
        });
        sealNext(1_000);

        List<ChainedEvent> chain = read(tx -> tx.audit().chain(Long.MIN_VALUE, 1_000));
        assertEquals(threads * perThread, chain.size());
        Set<String> entities = new HashSet<>();
        ChainHash previous = ChainHash.GENESIS;
        for (int i = 0; i < chain.size(); i++) {
            ChainedEvent event = chain.get(i);
            assertEquals(i + 1, event.sequence(), "sequence numbers must be consecutive from 1");
            assertEquals(previous, event.previousHash(), "each event must link to the one before");
            assertTrue(entities.add(event.record().entities().get(0)), "a record was sealed twice");
            previous = event.hash();
        }
        assertEquals(new ChainHead(chain.size(), previous), write(tx -> tx.audit().lockHead()));
    }

    private List<ChainedEvent> sealNext(int limit) {
        return write(tx -> seal(tx, limit));
    }

    /** What the core's sealer does, with a stand-in hash: the store does not check hashes. */
    private static List<ChainedEvent> seal(org.medcoord.spi.storage.StorageTransaction tx, int limit) {
        ChainHead head = tx.audit().lockHead();
        List<UnsealedRecord> batch = tx.audit().unsealed(limit);
        List<SealedRecord> sealed = new ArrayList<>();
        List<ChainedEvent> events = new ArrayList<>();
        ChainHash previous = head.hash();
        long sequence = head.sequence();
        for (UnsealedRecord record : batch) {
            ChainedEvent event = event(++sequence, previous, record.record());
            sealed.add(new SealedRecord(record.key(), event));
            events.add(event);
            previous = event.hash();
        }
        if (!sealed.isEmpty()) {
            tx.audit().seal(sealed);
        }
        return events;
    }

    private static ChainedEvent event(long sequence, ChainHash previous, AuditRecord record) {
        return new ChainedEvent(sequence, record, previous, hash(sequence));
    }

    private static ChainHash hash(long sequence) {
        try {
            return ChainHash.of(MessageDigest.getInstance("SHA-256")
                    .digest(ByteBuffer.allocate(8).putLong(sequence).array()));
        } catch (NoSuchAlgorithmException impossible) {
            throw new AssertionError(impossible);
        }
    }

    private static Checkpoint checkpoint(long index, long sequence, int variant) {
        byte[] signature = new byte[64];
        signature[0] = (byte) variant;
        signature[63] = (byte) sequence;
        return new Checkpoint(index, sequence, hash(sequence), hash(-index), NOW.plusNanos(123_456_789L * variant),
                KeyId.of("key-" + variant), signature);
    }

    private static AuditRecord record(Instant at, String user, String patient, Purpose purpose, AuditOutcome outcome) {
        return new AuditRecord(at, UserId.of(user), Optional.empty(), FacilityId.of("f-main"), NodeId.of("node-1"),
                purpose, "appointment.read", List.of("a-1"), Optional.of(PatientId.of(patient)), outcome, "ok");
    }

    private static AuditQuery query(Optional<String> patient, Optional<String> user, Set<Purpose> purposes,
                                    Set<AuditOutcome> outcomes, Instant from, Instant to) {
        return new AuditQuery(patient.map(PatientId::of), user.map(UserId::of), purposes, outcomes, from, to);
    }

    private List<AuditRecord> found(AuditQuery query) {
        return read(tx -> tx.audit().find(query)).stream().map(ChainedEvent::record).toList();
    }
}
