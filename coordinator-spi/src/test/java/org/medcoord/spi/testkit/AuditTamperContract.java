package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.ChainFinding;
import org.medcoord.api.common.PatientId;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.audit.ChainEncoding;
import org.medcoord.spi.audit.ChainHash;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.storage.Storage;

/**
 * The tamper suite: a storage's audit trail, changed behind the adapter's back the way someone
 * with write access to the database would change it, is reported with exactly the finding for that
 * kind of change, through the public {@link org.medcoord.api.audit.AuditTrail#verify()}.
 *
 * <p>Each test builds the same trail: 54 audited calls with a checkpoint every 10 events, then a
 * verification, which signs a sixth checkpoint over the head. That leaves events 1 to 54 and
 * checkpoints 1 to 6 at events 10, 20, 30, 40, 50 and 54, and the verification's own record not
 * yet sealed. Then a test changes the stored rows through {@link AuditTampering} and verifies
 * again. The restart tests close the coordinator, which seals what is pending and closes its
 * storage, and open a new one over the same data.
 *
 * <p>A subclass says how to open a coordinator over a storage (the kit cannot depend on the core),
 * how to open the same data again, and how to tamper with its rows.
 *
 * @since 0.1
 */
public abstract class AuditTamperContract {
    /** Events between two checkpoints in the suite's coordinators. */
    protected static final int CHECKPOINT_EVERY = 10;

    private static final int CALLS = 54;
    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2100-01-01T00:00:00Z");
    private static final Actor OFFICER = Actor.of("u-privacy", "fac-1", Role.PRIVACY_OFFICER);

    private Storage storage;
    private KeyProvider keys;
    private CheckpointWitness witness;
    private Coordinator coordinator;
    private List<ChainedEvent> events;
    private List<Checkpoint> checkpoints;

    /** For subclasses. */
    protected AuditTamperContract() {
    }

    /**
     * A fresh, empty storage. The coordinator opened over it closes it.
     *
     * @return the storage
     */
    protected abstract Storage newStorage();

    /**
     * A storage over the same data as one whose coordinator was closed, as a restarted process
     * would open it.
     *
     * @param closed the storage closed with its coordinator
     * @return a storage over the same data
     */
    protected abstract Storage reopen(Storage closed);

    /**
     * A coordinator over a storage with exactly this key provider and this one checkpoint witness,
     * a checkpoint every {@code checkpointEvery} sealed events, and no background sealing (for
     * example {@code Coordinators.builder().plugin(...).checkpointWitness(witness)
     * .checkpointEvery(checkpointEvery).sealAuditEvery(Duration.ofDays(1))}; a storage that keeps
     * only some features adds {@code .features(...)} naming them, or the build fails naming a
     * feature it does not keep).
     *
     * @param storage the storage, which the coordinator closes when it is closed
     * @param keys the key provider
     * @param witness the witness
     * @param checkpointEvery events between two checkpoints
     * @return the coordinator
     */
    protected abstract Coordinator open(Storage storage, KeyProvider keys, CheckpointWitness witness,
                                        int checkpointEvery);

    /**
     * The plugin an {@link #open} implementation registers: it provides exactly this storage and
     * this key provider, so that {@code open} is {@code Coordinators.builder().plugin(plugin(storage,
     * keys))} and the witness and spacing settings.
     *
     * @param storage the storage
     * @param keys the key provider
     * @return the plugin
     */
    protected static CoordinatorPlugin plugin(Storage storage, KeyProvider keys) {
        return new CoordinatorPlugin() {
            @Override
            public String id() {
                return "tamper-test";
            }

            @Override
            public List<Storage> storages() {
                return List.of(storage);
            }

            @Override
            public List<KeyProvider> keyProviders() {
                return List.of(keys);
            }
        };
    }

    /**
     * A new key provider with keys of its own. The suite keeps one across restarts where a durable
     * provider would be kept, and takes a new one to play a provider that lost its keys.
     *
     * @return the key provider
     */
    protected abstract KeyProvider newKeys();

    /**
     * A new witness holding nothing, kept across the suite's restarts.
     *
     * @return the witness
     */
    protected abstract CheckpointWitness newWitness();

    /**
     * Tampering with the rows of a storage.
     *
     * @param storage the storage, open
     * @return the tampering
     */
    protected abstract AuditTampering tampering(Storage storage);

    /** Builds the trail every test starts from. */
    @BeforeEach
    protected final void buildTrail() {
        storage = newStorage();
        keys = newKeys();
        witness = newWitness();
        coordinator = open(storage, keys, witness, CHECKPOINT_EVERY);
        for (int i = 0; i < CALLS; i++) {
            officer().audit().accessesTo(PatientId.of("p-tamper-" + i), FROM, TO);
        }
        AuditVerification first = verify();
        assertTrue(first.ok(), () -> "the untouched trail must verify: " + first.summary());
        events = storage.read(tx -> tx.audit().chain(1, 1_000));
        checkpoints = storage.read(tx -> tx.audit().checkpoints(1, 1_000));
        assertEquals(CALLS, events.size(), "events sealed before the first verification");
        assertEquals(List.of(10L, 20L, 30L, 40L, 50L, 54L), checkpoints.stream().map(Checkpoint::sequence).toList(),
                "a checkpoint every 10 events and one signed after the clean verification");
        assertEquals(Optional.of(checkpoints.get(5)), witness.newest(), "the witness holds the newest checkpoint");
    }

    /** Closes the coordinator of the last test. */
    @AfterEach
    protected final void closeCoordinator() {
        if (coordinator != null) {
            coordinator.close();
        }
    }

    private CoordinatorSession officer() {
        return coordinator.session(OFFICER, Purpose.OPERATIONS);
    }

    private AuditVerification verify() {
        return officer().audit().verify();
    }

    private void assertFindings(List<ChainFinding> expected) {
        AuditVerification report = verify();
        assertEquals(expected, report.findings(), () -> String.join("\n", report.summary()));
        for (ChainFinding finding : report.findings()) {
            assertFalse(finding.description().contains("p-tamper"), "a finding names a patient");
        }
    }

    private void restart(KeyProvider with) {
        coordinator.close();
        storage = reopen(storage);
        keys = with;
        coordinator = open(storage, keys, witness, CHECKPOINT_EVERY);
    }

    private ChainedEvent event(long sequence) {
        return events.get((int) sequence - 1);
    }

    private Checkpoint checkpoint(long index) {
        return checkpoints.get((int) index - 1);
    }

    private static AuditRecord withAction(AuditRecord r, String action) {
        return new AuditRecord(r.at(), r.user(), r.onBehalfOf(), r.facility(), r.node(), r.purpose(), action,
                r.entities(), r.patient(), r.outcome(), r.detailCode());
    }

    private static Checkpoint withSignature(Checkpoint c, byte[] signature) {
        return new Checkpoint(c.index(), c.sequence(), c.head(), c.previous(), c.at(), c.keyId(), signature);
    }

    @Test
    void anUntouchedTrailVerifiesAndIsVouchedForThroughTheNewestCheckpoint() {
        AuditVerification report = verify();

        assertTrue(report.ok(), () -> String.join("\n", report.summary()));
        assertEquals(OptionalLong.of(54), report.vouchedThrough());
        assertEquals(6, report.checkpointsChecked());
    }

    @Test
    void anAlteredEventIsReportedAsAltered() {
        ChainedEvent e = event(25);
        tampering(storage).replaceEvent(new ChainedEvent(25, withAction(e.record(), "audit.nothing-to-see"),
                e.previousHash(), e.hash()));

        assertFindings(List.of(new ChainFinding.AlteredEvent(25)));
    }

    @Test
    void aRemovedEventIsReportedAsRemoved() {
        tampering(storage).removeEvents(25, 25);

        assertFindings(List.of(new ChainFinding.RemovedEvents(25, 25)));
    }

    @Test
    void twoEventsWhoseRecordsChangedPlacesAreReportedAsReordered() {
        ChainedEvent a = event(24);
        ChainedEvent b = event(27);
        AuditTampering rows = tampering(storage);
        rows.replaceEvent(new ChainedEvent(24, b.record(), a.previousHash(), a.hash()));
        rows.replaceEvent(new ChainedEvent(27, a.record(), b.previousHash(), b.hash()));

        assertFindings(List.of(new ChainFinding.ReorderedEvents(24, 27)));
    }

    @Test
    void aCutTailIsReportedAsTruncatedAgainstTheNewestCheckpoint() {
        tampering(storage).removeEvents(45, 54);

        assertFindings(List.of(new ChainFinding.TruncatedTail(44, 54, 6)));
    }

    @Test
    void aFlippedSignatureBitIsABadCheckpointSignature() {
        byte[] signature = checkpoint(3).signature();
        signature[40] ^= 0x04;
        tampering(storage).replaceCheckpoint(withSignature(checkpoint(3), signature));

        assertFindings(List.of(new ChainFinding.BadCheckpointSignature(3, 30, checkpoint(3).keyId().value(), "store")));
    }

    @Test
    void everySignatureZeroedIsABadSignatureForEachAndVouchesForNothing() {
        AuditTampering rows = tampering(storage);
        List<ChainFinding> expected = new ArrayList<>();
        for (Checkpoint c : checkpoints) {
            rows.replaceCheckpoint(withSignature(c, new byte[c.signature().length]));
            expected.add(new ChainFinding.BadCheckpointSignature(c.index(), c.sequence(), c.keyId().value(), "store"));
        }

        AuditVerification report = verify();

        assertEquals(expected, report.findings(), () -> String.join("\n", report.summary()));
        assertEquals(OptionalLong.empty(), report.vouchedThrough());
    }

    @Test
    void aChangedStoredHeadHashIsABadCheckpointSignature() {
        Checkpoint c = checkpoint(3);
        tampering(storage).replaceCheckpoint(new Checkpoint(3, 30, event(31).hash(), c.previous(), c.at(), c.keyId(),
                c.signature()));

        assertFindings(List.of(new ChainFinding.BadCheckpointSignature(3, 30, c.keyId().value(), "store")));
    }

    @Test
    void aTailRewrittenAndRehashedIsACheckpointHeadMismatch() {
        ChainEncoding encoding = new ChainEncoding();
        ChainHash previous = event(50).hash();
        AuditTampering rows = tampering(storage);
        for (long sequence = 51; sequence <= 54; sequence++) {
            AuditRecord record = sequence == 52 ? withAction(event(52).record(), "audit.nothing-to-see")
                    : event(sequence).record();
            ChainHash hash = encoding.hash(sequence, previous, record);
            rows.replaceEvent(new ChainedEvent(sequence, record, previous, hash));
            previous = hash;
        }

        assertFindings(List.of(new ChainFinding.CheckpointHeadMismatch(6, 54)));
    }

    @Test
    void aRemovedCheckpointIsMissing() {
        tampering(storage).removeCheckpoints(3, 3);

        assertFindings(List.of(new ChainFinding.MissingCheckpoints(3, 3, 20, 40)));
    }

    @Test
    void aStoreRestoredToAnOlderStateIsRolledBackAgainstTheWitness() {
        coordinator.close();
        storage = reopen(storage);
        AuditTampering rows = tampering(storage);
        rows.removeEvents(36, Long.MAX_VALUE);
        rows.removeCheckpoints(4, Long.MAX_VALUE);
        storage.close();
        storage = reopen(storage);
        coordinator = open(storage, keys, witness, CHECKPOINT_EVERY);

        assertFindings(List.of(new ChainFinding.RolledBack(witness.id(), 6, 54, 3, 30, 35)));
    }

    @Test
    void checkpointsOfAKeyTheProviderDoesNotKnowAreUnverifiableThenANewCheckpointVouches() {
        restart(newKeys());
        List<ChainFinding> unknown = new ArrayList<>();
        for (Checkpoint c : checkpoints) {
            unknown.add(new ChainFinding.UnknownKey(c.index(), c.sequence(), c.keyId().value()));
        }

        AuditVerification first = verify();
        AuditVerification second = verify();

        assertEquals(unknown, first.findings(), () -> String.join("\n", first.summary()));
        assertFalse(first.ok());
        assertEquals(OptionalLong.empty(), first.vouchedThrough());
        assertEquals(unknown, second.findings());
        assertEquals(OptionalLong.of(first.lastSequence()), second.vouchedThrough(),
                "a checkpoint signed after the first verification vouches for what it read");
        List<Checkpoint> signed = storage.read(tx -> tx.audit().checkpoints(7, 10));
        assertEquals(2, signed.size(), "one checkpoint signed after each verification");
        assertTrue(signed.get(0).follows(checkpoint(6)), "the new checkpoints continue the chain of checkpoints");
        assertTrue(signed.get(1).follows(signed.get(0)));
    }

    @Test
    void theCleanTrailVerifiesAfterRestartsWithTheSameKeysAndWitness() {
        restart(keys);
        AuditVerification afterOne = verify();
        restart(keys);
        AuditVerification afterTwo = verify();

        assertTrue(afterOne.ok(), () -> String.join("\n", afterOne.summary()));
        assertEquals(OptionalLong.of(54), afterOne.vouchedThrough());
        assertTrue(afterTwo.ok(), () -> String.join("\n", afterTwo.summary()));
        assertEquals(OptionalLong.of(afterOne.lastSequence()), afterTwo.vouchedThrough());
        assertEquals(Optional.of(storage.read(tx -> tx.audit().latestCheckpoint()).orElseThrow()), witness.newest());
    }
}
