package org.medcoord.core.audit.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.api.common.PatientId;
import org.medcoord.core.access.internal.AccessControl;
import org.medcoord.core.access.internal.CallContext;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Permission;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;
import org.medcoord.spi.storage.TransactionWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service call: checks access, does the work in one storage transaction and appends the
 * audit record in that same transaction (after the work, or before it for a read that ends its
 * unit, see {@link #runRecordedFirst}). A denied or failed call is audited in a transaction of its
 * own, after the work rolled back.
 */
public final class AuditedCalls {
    private static final Logger LOG = LoggerFactory.getLogger(AuditedCalls.class);

    private final Storage storage;
    private final Clock clock;
    private final AccessControl access;
    private final NodeId node;
    private final AtomicLong appended = new AtomicLong();
    private final AtomicBoolean due = new AtomicBoolean();
    private volatile long everyRecords = Long.MAX_VALUE;
    private volatile Runnable onEveryRecords = () -> { };

    /**
     * Creates the runner.
     *
     * @param storage the storage
     * @param clock the clock
     * @param access the access control
     * @param node the node recorded as where each call was served
     */
    public AuditedCalls(Storage storage, Clock clock, AccessControl access, NodeId node) {
        this.storage = storage;
        this.clock = clock;
        this.access = access;
        this.node = node;
    }

    /**
     * Asks to be told after every {@code records} appends, for example to seal the chain. The
     * action runs on the calling thread once the call's transaction has ended, so it should only
     * hand the work to another thread.
     *
     * @param records how many appends between two calls, at least 1
     * @param action what to run
     */
    public void onEvery(long records, Runnable action) {
        if (records < 1) {
            throw new IllegalArgumentException("records must be positive");
        }
        this.onEveryRecords = action;
        this.everyRecords = records;
    }

    /**
     * Runs an audited call about a patient known before the call.
     *
     * @param ctx the caller
     * @param operation the operation: its permission and audit action
     * @param patient the patient concerned, if any
     * @param entities the entity ids to record for a successful result
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public <T> T run(CallContext ctx, Operation operation, Optional<PatientId> patient,
                     Function<T, List<String>> entities, TransactionWork<T> work) {
        return run(ctx, operation, tx -> patient, entities, work);
    }

    /**
     * The access control these calls enforce, for checks a call's work makes on what it writes.
     *
     * @return the access control
     */
    public AccessControl access() {
        return access;
    }

    /**
     * Runs an audited call: in one transaction, finds the patient the call is about, checks access,
     * does the work and appends the audit record. A denied or failed call rolls back and is audited
     * in a transaction of its own, naming the patient when it was found.
     *
     * @param ctx the caller
     * @param operation the operation: its permission and audit action
     * @param subject finds the patient the call is about, inside the call's transaction
     * @param entities the entity ids to record for a successful result
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public <T> T run(CallContext ctx, Operation operation,
                     Function<StorageTransaction, Optional<PatientId>> subject, Function<T, List<String>> entities,
                     TransactionWork<T> work) {
        Permission permission = operation.required();
        String action = operation.action();
        AtomicReference<Optional<PatientId>> patient = new AtomicReference<>(Optional.empty());
        try {
            T result = storage.inTransaction(tx -> {
                patient.set(subject.apply(tx));
                access.check(ctx, permission, action);
                T done = access.scope(ctx, action, work.run(tx));
                append(tx, ctx, action, entities.apply(done), patient.get(), AuditOutcome.SUCCESS, "ok");
                return done;
            });
            afterCommit();
            return result;
        } catch (AccessDeniedException denied) {
            throw denied(ctx, action, patient.get(), denied);
        } catch (CoordinatorException failed) {
            throw failed(ctx, action, patient.get(), failed);
        }
    }

    /**
     * Runs an audited read whose work ends with a
     * {@linkplain org.medcoord.spi.storage.CalendarQuery#finishing() finishing} calendar read and
     * writes nothing itself, such as a patient's free-slot search: in one transaction, checks
     * access, appends the record with outcome success, then does the work. Appending first lets a
     * storage send the record together with the finishing read and commit with it, so that the
     * call costs one database round trip on PostgreSQL instead of two (the read, then the record
     * with the {@code COMMIT}). The record is written before the outcome is known because the read
     * it precedes is the access to patient data it records; the entities must therefore be known
     * before the work.
     *
     * <p>A denied call is audited as in {@link #run}: access is checked before the record is
     * appended. A call that fails after its finishing read, on a storage that committed with that
     * read, keeps its success record, and is then audited as failed in a transaction of its own
     * like any failed call: such a call leaves both records, in that order, and the failed one
     * carries the outcome the caller saw. A failure before the finishing read, or on a storage that
     * commits only at the end of the unit, rolls the success record back with the work, and only
     * the failed record remains.
     *
     * @param ctx the caller
     * @param operation the operation: its permission and audit action
     * @param patient the patient concerned, if any
     * @param entities the entity ids to record, known before the work
     * @param work the work; writes nothing, and ends with a finishing read
     * @param <T> the result type
     * @return the work's result
     */
    public <T> T runRecordedFirst(CallContext ctx, Operation operation, Optional<PatientId> patient,
                                  List<String> entities, TransactionWork<T> work) {
        Permission permission = operation.required();
        String action = operation.action();
        try {
            T result = storage.inTransaction(tx -> {
                access.check(ctx, permission, action);
                append(tx, ctx, action, entities, patient, AuditOutcome.SUCCESS, "ok");
                return access.scope(ctx, action, work.run(tx));
            });
            afterCommit();
            return result;
        } catch (AccessDeniedException denied) {
            throw denied(ctx, action, patient, denied);
        } catch (CoordinatorException failed) {
            throw failed(ctx, action, patient, failed);
        }
    }

    /**
     * Runs an audited call whose work runs its own storage units (such as sealing and verifying
     * the audit chain), so it cannot share one with the audit record: checks access first, then
     * does the work, then appends the record in a transaction of its own. A denied or failed call
     * is audited the same way.
     *
     * @param ctx the caller
     * @param operation the operation: its permission and audit action
     * @param patient the patient concerned, if any
     * @param entities the entity ids to record for a successful result
     * @param work the work
     * @param <T> the result type
     * @return the work's result
     */
    public <T> T runOutside(CallContext ctx, Operation operation, Optional<PatientId> patient,
                            Function<T, List<String>> entities, Supplier<T> work) {
        Permission permission = operation.required();
        String action = operation.action();
        try {
            access.check(ctx, permission, action);
        } catch (AccessDeniedException denied) {
            throw denied(ctx, action, patient, denied);
        }
        T result;
        try {
            result = work.get();
        } catch (CoordinatorException failed) {
            throw failed(ctx, action, patient, failed);
        }
        storage.inTransaction(tx -> {
            append(tx, ctx, action, entities.apply(result), patient, AuditOutcome.SUCCESS, "ok");
            return null;
        });
        afterCommit();
        return result;
    }

    private AccessDeniedException denied(CallContext ctx, String action, Optional<PatientId> patient,
                                         AccessDeniedException denied) {
        auditAlone(ctx, action, patient, AuditOutcome.DENIED, denied.code());
        LOG.info("denied {} for user {} purpose {}: {}", action, ctx.actor().user(), ctx.purpose().code(),
                denied.code());
        return denied;
    }

    private CoordinatorException failed(CallContext ctx, String action, Optional<PatientId> patient,
                                        CoordinatorException failed) {
        String code = failed instanceof ConflictException c ? c.code() : failed.getClass().getSimpleName();
        auditAlone(ctx, action, patient, AuditOutcome.FAILED, code);
        LOG.debug("{} failed for user {}: {}", action, ctx.actor().user(), code);
        return failed;
    }

    /**
     * Appends an audit record inside a running transaction.
     *
     * @param tx the transaction
     * @param ctx the caller
     * @param operation the operation recorded
     * @param entities the entity ids
     * @param patient the patient
     * @param outcome the outcome
     * @param detail the detail code
     */
    public void append(StorageTransaction tx, CallContext ctx, Operation operation, List<String> entities,
                       Optional<PatientId> patient, AuditOutcome outcome, String detail) {
        append(tx, ctx, operation.action(), entities, patient, outcome, detail);
    }

    private void append(StorageTransaction tx, CallContext ctx, String action, List<String> entities,
                        Optional<PatientId> patient, AuditOutcome outcome, String detail) {
        List<String> recorded = entities;
        if (ctx.breakGlass().isPresent()) {
            recorded = new ArrayList<>(entities);
            recorded.add("break-glass:" + ctx.breakGlass().get().grantId());
        }
        tx.audit().append(new AuditRecord(clock.instant(), ctx.actor().user(), ctx.actor().onBehalfOf(),
                ctx.actor().facility(), node, ctx.purpose(), action, recorded, patient, outcome, detail));
        if (appended.incrementAndGet() % everyRecords == 0) {
            due.set(true);
        }
    }

    /**
     * Appends an audit record in a transaction of its own.
     *
     * @param ctx the caller
     * @param operation the operation recorded
     * @param patient the patient
     * @param outcome the outcome
     * @param detail the detail code
     */
    public void auditAlone(CallContext ctx, Operation operation, Optional<PatientId> patient, AuditOutcome outcome,
                           String detail) {
        auditAlone(ctx, operation.action(), patient, outcome, detail);
    }

    private void auditAlone(CallContext ctx, String action, Optional<PatientId> patient, AuditOutcome outcome,
                            String detail) {
        storage.inTransaction(tx -> {
            append(tx, ctx, action, List.of(), patient, outcome, detail);
            return null;
        });
        afterCommit();
    }

    private void afterCommit() {
        if (due.get() && due.compareAndSet(true, false)) {
            onEveryRecords.run();
        }
    }
}
