package org.medcoord.core.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditEntry;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditTrail;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.audit.ChainFinding;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.common.Violations;
import org.medcoord.core.access.internal.CallContext;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Permission;
import org.medcoord.spi.audit.AuditQuery;
import org.medcoord.spi.audit.ChainHead;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;
import org.medcoord.spi.storage.Storage;

/**
 * The audit trail as a session sees it: each call checks the {@link Permission#REVIEW_AUDIT}
 * permission, seals pending records, does its work and is audited itself.
 */
public final class AuditReview implements AuditTrail {
    /** Purposes whose access is accounted for as a disclosure: all but treatment, payment, operations and the patient's own request. */
    static final Set<Purpose> DISCLOSURE_PURPOSES = EnumSet.complementOf(
            EnumSet.of(Purpose.TREATMENT, Purpose.PAYMENT, Purpose.OPERATIONS, Purpose.PATIENT_REQUEST));

    private final Storage storage;
    private final ChainSealer sealer;
    private final AuditedCalls calls;
    private final CallContext ctx;

    /**
     * Creates the view.
     *
     * @param storage the storage
     * @param sealer the sealer
     * @param calls the audited-call runner
     * @param ctx the caller
     */
    public AuditReview(Storage storage, ChainSealer sealer, AuditedCalls calls, CallContext ctx) {
        this.storage = storage;
        this.sealer = sealer;
        this.calls = calls;
        this.ctx = ctx;
    }

    /**
     * Seals pending records, then verifies every stored event and checkpoint and compares the
     * store with the witnesses; only when that found no sign of tampering does it sign a new
     * checkpoint, over the head it verified, so a checkpoint is never the evidence for the
     * verification that made it. A checkpoint under a key this process does not know is reported
     * but is no sign of tampering, so it does not stop the new checkpoint.
     */
    @Override
    public AuditVerification verify() {
        return calls.runOutside(ctx, AuditOperations.VERIFY, Optional.empty(),
                report -> List.of("audit-chain:" + report.lastSequence()), () -> {
                    sealer.seal();
                    List<Checkpoint> checkpoints = sealer.storedCheckpoints();
                    List<ChainVerifier.Witnessed> witnessed = sealer.witnessed();
                    LastRead chain = new LastRead(sealer.storedChain());
                    AuditVerification report = new ChainVerifier(sealer.keys())
                            .verify(chain, checkpoints, witnessed, sealer.limitations());
                    if (report.findings().stream().allMatch(f -> f instanceof ChainFinding.UnknownKey)) {
                        Optional<Checkpoint> signed = sealer.signHead(chain.last);
                        if (signed.isPresent()) {
                            return report.withSignedThrough(signed.get().sequence());
                        }
                    }
                    return report;
                });
    }

    /** The events as read, remembering the last one as a head. */
    private static final class LastRead implements Iterable<ChainedEvent> {
        private final Iterable<ChainedEvent> events;
        ChainHead last = ChainHead.EMPTY;

        LastRead(Iterable<ChainedEvent> events) {
            this.events = events;
        }

        @Override
        public Iterator<ChainedEvent> iterator() {
            Iterator<ChainedEvent> inner = events.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return inner.hasNext();
                }

                @Override
                public ChainedEvent next() {
                    ChainedEvent event = inner.next();
                    last = new ChainHead(Math.max(0, event.sequence()), event.hash());
                    return event;
                }
            };
        }
    }

    @Override
    public List<AuditEntry> accessesTo(PatientId patient, Instant from, Instant to) {
        check(patient, "patient", from, to);
        return query(AuditOperations.ACCESSES_TO, Optional.of(patient), new AuditQuery(Optional.of(patient), Optional.empty(),
                Set.of(), Set.of(), from, to));
    }

    @Override
    public List<AuditEntry> actionsBy(UserId user, Instant from, Instant to) {
        check(user, "user", from, to);
        return query(AuditOperations.ACTIONS_BY, Optional.empty(), new AuditQuery(Optional.empty(), Optional.of(user),
                Set.of(), Set.of(), from, to));
    }

    @Override
    public List<AuditEntry> breakGlassAccesses(Instant from, Instant to) {
        check(Boolean.TRUE, "period", from, to);
        return query(AuditOperations.BREAK_GLASS_REVIEW, Optional.empty(), new AuditQuery(Optional.empty(), Optional.empty(),
                Set.of(Purpose.EMERGENCY), Set.of(), from, to));
    }

    @Override
    public List<AuditEntry> disclosures(PatientId patient, Instant from, Instant to) {
        check(patient, "patient", from, to);
        return query(AuditOperations.DISCLOSURES, Optional.of(patient), new AuditQuery(Optional.of(patient), Optional.empty(),
                DISCLOSURE_PURPOSES, Set.of(AuditOutcome.SUCCESS), from, to));
    }

    private List<AuditEntry> query(Operation operation, Optional<PatientId> patient, AuditQuery query) {
        return calls.runOutside(ctx, operation, patient, entries -> List.of(), () -> {
            sealer.seal();
            List<ChainedEvent> found = storage.read(tx -> tx.audit().find(query));
            List<AuditEntry> entries = new ArrayList<>(found.size());
            for (ChainedEvent event : found) {
                entries.add(new AuditEntry(event.sequence(), event.record()));
            }
            return List.copyOf(entries);
        });
    }

    private static void check(Object subject, String field, Instant from, Instant to) {
        Violations v = new Violations();
        v.notNull(subject, field);
        if (v.notNull(from, "from") & v.notNull(to, "to")) {
            v.require(!to.isBefore(from), "to", "must not be before from");
        }
        v.throwIfAny();
    }
}
