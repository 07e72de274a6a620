package org.medcoord.core.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
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
import org.medcoord.core.access.internal.Permission;
import org.medcoord.spi.audit.AuditQuery;
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

    @Override
    public AuditVerification verify() {
        return calls.runOutside(ctx, Permission.REVIEW_AUDIT, "audit.verify", Optional.empty(),
                report -> List.of("audit-chain:" + report.lastSequence()), () -> {
                    sealer.seal(true);
                    Optional<Checkpoint> checkpoint = storage.read(tx -> tx.audit().latestCheckpoint());
                    ChainVerifier verifier = new ChainVerifier(sealer.keys());
                    VerificationReport report = checkpoint.isPresent()
                            ? verifier.verify(sealer.storedChain(), checkpoint.get())
                            : verifier.verify(sealer.storedChain());
                    return toApi(report);
                });
    }

    @Override
    public List<AuditEntry> accessesTo(PatientId patient, Instant from, Instant to) {
        check(patient, "patient", from, to);
        return query("audit.accesses-to", Optional.of(patient), new AuditQuery(Optional.of(patient), Optional.empty(),
                Set.of(), Set.of(), from, to));
    }

    @Override
    public List<AuditEntry> actionsBy(UserId user, Instant from, Instant to) {
        check(user, "user", from, to);
        return query("audit.actions-by", Optional.empty(), new AuditQuery(Optional.empty(), Optional.of(user),
                Set.of(), Set.of(), from, to));
    }

    @Override
    public List<AuditEntry> breakGlassAccesses(Instant from, Instant to) {
        check(Boolean.TRUE, "period", from, to);
        return query("audit.break-glass", Optional.empty(), new AuditQuery(Optional.empty(), Optional.empty(),
                Set.of(Purpose.EMERGENCY), Set.of(), from, to));
    }

    @Override
    public List<AuditEntry> disclosures(PatientId patient, Instant from, Instant to) {
        check(patient, "patient", from, to);
        return query("audit.disclosures", Optional.of(patient), new AuditQuery(Optional.of(patient), Optional.empty(),
                DISCLOSURE_PURPOSES, Set.of(AuditOutcome.SUCCESS), from, to));
    }

    private List<AuditEntry> query(String action, Optional<PatientId> patient, AuditQuery query) {
        return calls.runOutside(ctx, Permission.REVIEW_AUDIT, action, patient, entries -> List.of(), () -> {
            sealer.seal(false);
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

    static AuditVerification toApi(VerificationReport report) {
        List<ChainFinding> findings = new ArrayList<>(report.findings().size());
        for (AuditFinding finding : report.findings()) {
            findings.add(toApi(finding));
        }
        return new AuditVerification(report.eventsChecked(), report.lastSequence(), report.checkpointSequence(),
                findings);
    }

    private static ChainFinding toApi(AuditFinding finding) {
        String text = finding.describe();
        Objects.requireNonNull(text, "description");
        if (finding instanceof AuditFinding.Altered f) {
            return new ChainFinding(ChainFinding.Kind.ALTERED, f.sequence(), f.sequence(), text);
        } else if (finding instanceof AuditFinding.Removed f) {
            return new ChainFinding(ChainFinding.Kind.REMOVED, f.first(), f.last(), text);
        } else if (finding instanceof AuditFinding.Swapped f) {
            return new ChainFinding(ChainFinding.Kind.SWAPPED, f.first(), f.second(), text);
        } else if (finding instanceof AuditFinding.Truncated f) {
            return new ChainFinding(ChainFinding.Kind.TRUNCATED, f.lastFound() + 1, f.checkpointSequence(), text);
        } else if (finding instanceof AuditFinding.HeadMismatch f) {
            return new ChainFinding(ChainFinding.Kind.HEAD_MISMATCH, f.checkpointSequence(), f.checkpointSequence(),
                    text);
        } else if (finding instanceof AuditFinding.BadCheckpoint f) {
            return new ChainFinding(ChainFinding.Kind.BAD_CHECKPOINT, f.checkpointSequence(), f.checkpointSequence(),
                    text);
        } else if (finding instanceof AuditFinding.Broken f) {
            return new ChainFinding(ChainFinding.Kind.BROKEN, f.sequence(), f.sequence(), text);
        } else {
            AuditFinding.Overflow f = (AuditFinding.Overflow) finding;
            return new ChainFinding(ChainFinding.Kind.OVERFLOW, f.fromSequence(), f.failedEvents(), text);
        }
    }
}
