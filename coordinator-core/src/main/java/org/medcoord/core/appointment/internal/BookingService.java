package org.medcoord.core.appointment.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.access.DataCategory;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.BookingRefusedException;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.Cancellation;
import org.medcoord.api.appointment.CapacityOverride;
import org.medcoord.api.appointment.Frequency;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldExpiredException;
import org.medcoord.api.appointment.HoldId;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.appointment.IdempotencyKeyReusedException;
import org.medcoord.api.appointment.InvalidTransitionException;
import org.medcoord.api.appointment.Recurrence;
import org.medcoord.api.appointment.RescheduleCommand;
import org.medcoord.api.appointment.Rescheduling;
import org.medcoord.api.appointment.RuleFinding;
import org.medcoord.api.appointment.SeriesCommand;
import org.medcoord.api.appointment.SeriesConflict;
import org.medcoord.api.appointment.SeriesId;
import org.medcoord.api.appointment.SeriesPolicy;
import org.medcoord.api.appointment.SeriesResult;
import org.medcoord.api.appointment.SlotUnavailableException;
import org.medcoord.api.appointment.StatusChange;
import org.medcoord.api.appointment.VisitReason;
import org.medcoord.api.appointment.WaitlistOffer;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.common.Violations;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.PaperworkMissingException;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.core.access.internal.CallContext;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Permission;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.common.internal.CommandValidator;
import org.medcoord.core.common.internal.IdGenerator;
import org.medcoord.core.event.internal.Events;
import org.medcoord.core.schedule.internal.FacilityCache;
import org.medcoord.core.schedule.internal.Granules;
import org.medcoord.core.schedule.internal.SlotFinder;
import org.medcoord.spi.rule.BookingAttempt;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.ClaimConflict;
import org.medcoord.spi.storage.IdempotencyRecord;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The booking engine shared by every session: search, book, hold, confirm, series, cancel,
 * reschedule and status changes. Each call is one audited storage transaction; a lost slot
 * rolls it back and is reported with alternatives found afterwards.
 */
public final class BookingService {
    private static final Logger LOG = LoggerFactory.getLogger(BookingService.class);
    private static final Duration MAX_SEARCH_WINDOW = Duration.ofDays(366);
    private static final Duration MAX_HOLD = Duration.ofDays(1);
    private static final int ALTERNATIVES = 5;

    private final Storage storage;
    private final Clock clock;
    private final CommandValidator validator;
    private final IdGenerator ids;
    private final RuleChain rules;
    private final AuditedCalls calls;
    private final Events events;
    private final WaitlistOffers offers;
    private final CheckInGuard checkIn;
    private final FacilityCache facilities = new FacilityCache();

    /**
     * Creates the service.
     *
     * @param storage the storage
     * @param clock the clock
     * @param validator the validator
     * @param ids the id generator
     * @param rules the rule chain
     * @param calls the audited call runner
     * @param events the outbox writer
     * @param offers the wait-list offer maker
     */
    public BookingService(Storage storage, Clock clock, CommandValidator validator, IdGenerator ids, RuleChain rules,
                          AuditedCalls calls, Events events, WaitlistOffers offers) {
        this(storage, clock, validator, ids, rules, calls, events, offers, CheckInGuard.NONE);
    }

    /**
     * Creates the service with a check-in guard.
     *
     * @param storage the storage
     * @param clock the clock
     * @param validator the validator
     * @param ids the id generator
     * @param rules the rule chain
     * @param calls the audited call runner
     * @param events the outbox writer
     * @param offers the wait-list offer maker
     * @param checkIn what must be in order before a check-in
     */
    public BookingService(Storage storage, Clock clock, CommandValidator validator, IdGenerator ids, RuleChain rules,
                          AuditedCalls calls, Events events, WaitlistOffers offers, CheckInGuard checkIn) {
        this.checkIn = checkIn;
        this.storage = storage;
        this.clock = clock;
        this.validator = validator;
        this.ids = ids;
        this.rules = rules;
        this.calls = calls;
        this.events = events;
        this.offers = offers;
    }

    // ---------------------------------------------------------------- search

    /**
     * Finds options.
     *
     * @param ctx the caller
     * @param query the query
     * @return the options
     */
    public List<SlotOption> findSlots(CallContext ctx, SlotQuery query) {
        validator.validate(query, "query", v -> {
            v.require(query.to().isAfter(query.from()), "to", "must be after from");
            v.require(Duration.between(query.from(), query.to()).compareTo(MAX_SEARCH_WINDOW) <= 0, "to",
                    "must be at most 366 days after from");
        });
        // The audit record first, so that it goes with the search's finishing read: one round trip.
        return calls.runRecordedFirst(ctx, AppointmentOperations.SEARCH,
                Optional.of(query.patient()), List.of(query.service().value()), tx -> facilityWork(tx,
                        () -> {
                            ServiceType service = service(tx, query.service(), "service");
                            return SlotFinder.findFinishing(tx, facilities, new SlotFinder.Spec(service,
                                    query.patient(), query.from(), query.to(), query.preferences(), query.limit(),
                                    Optional.empty(), List.of(), SlotFinder.Mode.SEARCH), clock.instant());
                        }));
    }

    // ---------------------------------------------------------------- book, hold, confirm

    /**
     * Books in one step.
     *
     * @param ctx the caller
     * @param command the command
     * @return the booking
     */
    public Booking book(CallContext ctx, BookCommand command) {
        validateBook(command);
        try {
            return bookOnce(ctx, command);
        } catch (ConflictException raced) {
            // Two requests with one new key raced and the other inserted the key first: this one
            // rolled back whole, and a second attempt replays the first result (or refuses a
            // different request under the same key).
            if (command.idempotencyKey().isPresent() && "idempotency-key-exists".equals(raced.code())) {
                return bookOnce(ctx, command);
            }
            throw raced;
        }
    }

    /**
     * Books a command (no idempotency key, no override) and does more work in the same audited
     * transaction, so that the booking and what follows from it commit together or not at all.
     *
     * @param ctx the caller
     * @param command the command
     * @param also the further work, given the unit and the booking
     * @return the booking
     */
    Booking bookTogetherWith(CallContext ctx, BookCommand command,
                             java.util.function.BiConsumer<StorageTransaction, Booking> also) {
        validateBook(command);
        return withAlternatives(command.service(), command.patient(), command.start(), () ->
                calls.run(ctx, AppointmentOperations.BOOK, Optional.of(command.patient()),
                        b -> List.of(b.appointment().id().value()), tx -> facilityWork(tx, () -> {
                            Booking booking = bookInTransaction(tx, ctx, command, BookingAttempt.Kind.BOOK,
                                    Optional.empty(), clock.instant());
                            also.accept(tx, booking);
                            return booking;
                        })));
    }

    private Booking bookOnce(CallContext ctx, BookCommand command) {
        Operation operation = command.override().isPresent() ? AppointmentOperations.BOOK_WITH_OVERRIDE
                : AppointmentOperations.BOOK;
        return withAlternatives(command.service(), command.patient(), command.start(), () ->
                calls.run(ctx, operation, Optional.of(command.patient()),
                        b -> List.of(b.appointment().id().value()), tx -> facilityWork(tx, () -> {
                            Instant now = clock.instant();
                            Optional<IdempotencyKey> key = command.idempotencyKey();
                            if (key.isPresent()) {
                                Optional<Booking> earlier = replay(tx, key.get(), fingerprint(command));
                                if (earlier.isPresent()) {
                                    return earlier.get();
                                }
                            }
                            Booking booking = bookInTransaction(tx, ctx, command, BookingAttempt.Kind.BOOK,
                                    Optional.empty(), now);
                            key.ifPresent(k -> tx.idempotency().insert(new IdempotencyRecord(k, fingerprint(command),
                                    booking.appointment().id().value(), now)));
                            return booking;
                        })));
    }

    /**
     * Runs the work of a hot call (search, book) on the cached facility data without reading its
     * version first; the version comes with the claims, and the work runs again in the unit when
     * it was not current. The work writes nothing before its first slot search.
     */
    private <T> T facilityWork(StorageTransaction tx, java.util.function.Supplier<T> work) {
        return facilities.speculative(tx, t -> work.get());
    }

    /**
     * Places a hold.
     *
     * @param ctx the caller
     * @param command what to hold
     * @param holdFor how long
     * @return the hold
     */
    public Hold hold(CallContext ctx, BookCommand command, Duration holdFor) {
        validator.validate(command, "command", v -> {
            checkBook(command, v);
            v.require(holdFor != null && !holdFor.isNegative() && holdFor.compareTo(Duration.ofSeconds(1)) >= 0
                    && holdFor.compareTo(MAX_HOLD) <= 0, "holdFor", "must be between 1 second and 1 day");
            v.require(command.override().isEmpty(), "override", "is not allowed on a hold");
            v.require(command.idempotencyKey().isEmpty(), "idempotencyKey", "is not supported on a hold");
        });
        return withAlternatives(command.service(), command.patient(), command.start(), () ->
                calls.run(ctx, AppointmentOperations.HOLD, Optional.of(command.patient()),
                        h -> List.of(h.id().value()), tx -> {
                            Instant now = clock.instant();
                            ServiceType service = service(tx, command.service(), "service");
                            List<RoleAssignment> resources = resolve(tx, service, command.start(), command.resources(),
                                    Optional.empty(), false, now);
                            Instant end = command.start().plus(service.duration());
                            rules.check(new BookingAttempt(BookingAttempt.Kind.HOLD, service, command.patient(),
                                    command.start(), end, resources, ctx.actor(), ctx.purpose(), Optional.empty()), tx, now);
                            HoldId id = HoldId.of(ids.next("hold"));
                            Instant expires = now.plus(holdFor);
                            claim(tx, service, command.start(), resources, "hold:" + id.value(), Optional.of(expires),
                                    false, now);
                            Hold hold = new Hold(id, command.patient(),
                                    new SlotOption(service.id(), command.start(), end, resources), expires);
                            tx.holds().insert(hold);
                            events.other(tx, "hold.placed", id.value(), Map.of("hold", id, "expiresAt", expires), now);
                            return hold;
                        }));
    }

    /**
     * Confirms a hold.
     *
     * @param ctx the caller
     * @param holdId the hold
     * @return the booking
     */
    public Booking confirm(CallContext ctx, HoldId holdId) {
        if (holdId == null) {
            throw InvalidRequestException.of("hold", "must not be null");
        }
        return calls.run(ctx, AppointmentOperations.CONFIRM,
                tx -> tx.holds().find(holdId).map(Hold::patient),
                b -> List.of(holdId.value(), b.appointment().id().value()), tx -> {
                    Instant now = clock.instant();
                    Hold hold = tx.holds().find(holdId).orElseThrow(() -> new HoldExpiredException(holdId));
                    String owner = "hold:" + holdId.value();
                    if (!now.isBefore(hold.expiresAt()) || tx.claims().owned(owner).isEmpty()) {
                        throw new HoldExpiredException(holdId);
                    }
                    ServiceType service = service(tx, hold.slot().service(), "service");
                    List<RuleFinding> warnings = rules.check(new BookingAttempt(BookingAttempt.Kind.CONFIRM, service,
                            hold.patient(), hold.slot().start(), hold.slot().end(), hold.slot().resources(), ctx.actor(),
                            ctx.purpose(), Optional.empty()), tx, now);
                    AppointmentId id = AppointmentId.of(ids.next("apt"));
                    tx.claims().transfer(owner, owner(id));
                    tx.holds().delete(holdId);
                    Appointment appointment = created(ctx, id, hold.patient(), service, hold.slot().start(),
                            hold.slot().resources(), Optional.empty(), false, "confirmed-hold", Optional.empty(), now);
                    tx.appointments().insert(appointment);
                    events.appointment(tx, "appointment.booked", appointment, now);
                    return new Booking(appointment, warnings);
                });
    }

    /**
     * Releases a hold.
     *
     * @param ctx the caller
     * @param holdId the hold
     */
    public void release(CallContext ctx, HoldId holdId) {
        if (holdId == null) {
            throw InvalidRequestException.of("hold", "must not be null");
        }
        calls.run(ctx, AppointmentOperations.RELEASE_HOLD, Optional.empty(),
                r -> List.of(holdId.value()), tx -> {
                    tx.claims().release("hold:" + holdId.value());
                    tx.holds().delete(holdId);
                    return Boolean.TRUE;
                });
    }

    // ---------------------------------------------------------------- series

    /**
     * Books a series.
     *
     * @param ctx the caller
     * @param command the series
     * @return what was booked and what conflicted
     */
    public SeriesResult bookSeries(CallContext ctx, SeriesCommand command) {
        validator.validate(command, "command", v -> checkBook(command.first(), v));
        BookCommand first = command.first();
        Operation operation = first.override().isPresent() ? AppointmentOperations.BOOK_SERIES_WITH_OVERRIDE
                : AppointmentOperations.BOOK_SERIES;
        List<SeriesConflict> conflicts = new ArrayList<>();
        SeriesResult result;
        try {
            result = calls.run(ctx, operation, Optional.of(first.patient()),
                    r -> r.booked().stream().map(a -> a.id().value()).toList(), tx -> {
                        if (first.reason().isPresent()) {
                            calls.access().checkWrites(ctx, DataCategory.CLINICAL, "book a series",
                                    "a reason for the visit (first.reason)");
                        }
                        conflicts.clear();
                        Instant now = clock.instant();
                        ServiceType service = service(tx, first.service(), "first.service");
                        List<RoleAssignment> firstResources = firstResources(tx, service, first, now);
                        ZoneId zone = command.recurrence().zone().orElseGet(() -> seriesZone(tx, service, firstResources));
                        List<Instant> starts = occurrences(first.start(), command.recurrence(), zone);
                        SeriesId series = SeriesId.of(ids.next("ser"));
                        List<Appointment> booked = new ArrayList<>();
                        for (int i = 0; i < starts.size(); i++) {
                            try {
                                booked.add(bookOccurrence(tx, ctx, service, first, starts.get(i), firstResources, series,
                                        now));
                            } catch (SlotLost | BookingRefusedException lost) {
                                // Neither wrote anything: rules run before claims, and claims are all or none.
                                conflicts.add(new SeriesConflict(i, starts.get(i), lost.code(), List.of()));
                            }
                        }
                        if (!conflicts.isEmpty() && command.policy() == SeriesPolicy.ALL_OR_NOTHING) {
                            throw new SeriesRolledBack();
                        }
                        return new SeriesResult(booked.isEmpty() ? Optional.empty() : Optional.of(series), booked,
                                List.of());
                    });
        } catch (SeriesRolledBack rolledBack) {
            result = new SeriesResult(Optional.empty(), List.of(), List.of());
        } catch (SlotLost lost) {
            throw new SlotUnavailableException(lost.busy(), alternatives(first.service(), first.patient(), first.start()));
        }
        return withAlternatives(result, conflicts, first);
    }

    private SeriesResult withAlternatives(SeriesResult result, List<SeriesConflict> conflicts, BookCommand first) {
        List<SeriesConflict> explained = conflicts.stream().map(c -> new SeriesConflict(c.occurrence(),
                c.requestedStart(), c.code(), alternatives(first.service(), first.patient(), c.requestedStart()))).toList();
        return new SeriesResult(result.series(), result.booked(), explained);
    }

    private List<RoleAssignment> firstResources(StorageTransaction tx, ServiceType service, BookCommand first,
                                                Instant now) {
        try {
            return resolve(tx, service, first.start(), first.resources(), Optional.empty(), first.override().isPresent(),
                    now);
        } catch (SlotLost lost) {
            return first.resources().isEmpty() ? List.of() : inRoleOrder(service, first.resources());
        }
    }

    private ZoneId seriesZone(StorageTransaction tx, ServiceType service, List<RoleAssignment> resources) {
        if (!resources.isEmpty()) {
            return facilities.of(tx).resource(resources.get(0).resource()).orElseThrow().zone();
        }
        ResourceRequirement role = service.requirements().get(0);
        return facilities.of(tx).resources().stream().filter(role::matches).map(Resource::zone).findFirst()
                .orElse(java.time.ZoneOffset.UTC);
    }

    private Appointment bookOccurrence(StorageTransaction tx, CallContext ctx, ServiceType service, BookCommand first,
                                       Instant start, List<RoleAssignment> preferred, SeriesId series, Instant now) {
        boolean override = first.override().isPresent();
        List<RoleAssignment> resources;
        if (preferred.isEmpty() || SlotFinder.find(tx, facilities, checkSpec(service, first.patient(), start,
                preferred, Optional.empty(), override), now).isEmpty()) {
            resources = resolve(tx, service, start, List.of(), Optional.empty(), override, now);
        } else {
            resources = preferred;
        }
        Instant end = start.plus(service.duration());
        rules.check(new BookingAttempt(BookingAttempt.Kind.SERIES, service, first.patient(), start, end, resources,
                ctx.actor(), ctx.purpose(), Optional.empty()), tx, now);
        AppointmentId id = AppointmentId.of(ids.next("apt"));
        claim(tx, service, start, resources, owner(id), Optional.empty(), override, now);
        Appointment appointment = created(ctx, id, first.patient(), service, start, resources, Optional.of(series),
                override, override ? "override:" + first.override().get().reasonCode() : "booked-series",
                first.reason(), now);
        tx.appointments().insert(appointment);
        events.appointment(tx, "appointment.booked", appointment, now);
        return appointment;
    }

    static List<Instant> occurrences(Instant first, Recurrence recurrence, ZoneId zone) {
        ZonedDateTime local = first.atZone(zone);
        List<Instant> out = new ArrayList<>();
        int max = recurrence.count().orElse(Recurrence.MAX_OCCURRENCES);
        for (int i = 0; i < max; i++) {
            ZonedDateTime next = recurrence.frequency() == Frequency.DAILY
                    ? local.plusDays((long) i * recurrence.interval())
                    : local.plusWeeks((long) i * recurrence.interval());
            if (recurrence.until().isPresent() && next.toLocalDate().isAfter(recurrence.until().get())) {
                break;
            }
            out.add(next.toInstant());
        }
        return out;
    }

    /** Rolls a series transaction back; never leaves this class. */
    private static final class SeriesRolledBack extends ConflictException {
        private static final long serialVersionUID = 1L;

        SeriesRolledBack() {
            super("series-conflict", "series has conflicting occurrences");
        }
    }

    // ---------------------------------------------------------------- cancel, reschedule, status

    /**
     * Cancels.
     *
     * @param ctx the caller
     * @param command the command
     * @return the cancellation with wait-list offers
     */
    public Cancellation cancel(CallContext ctx, CancelCommand command) {
        validator.validate(command, "command", null);
        Subject subject = new Subject(command.appointment());
        Appointment cancelled = calls.run(ctx, AppointmentOperations.CANCEL, subject::find,
                a -> List.of(a.id().value()), tx -> changeStatus(tx, ctx, subject.required(), AppointmentStatus.CANCELLED,
                        "cancelled:" + command.reason().name().toLowerCase(java.util.Locale.ROOT), false, clock.instant()));
        List<WaitlistOffer> made = offers.offerFreed(ctx, cancelled);
        return new Cancellation(cancelled, made);
    }

    /**
     * Reschedules atomically.
     *
     * @param ctx the caller
     * @param command the command
     * @return the rescheduling with wait-list offers for the freed time
     */
    public Rescheduling reschedule(CallContext ctx, RescheduleCommand command) {
        validator.validate(command, "command", v -> {
            v.require(onGrid(command.newStart()), "newStart", "must be on a 5-minute boundary");
            checkAssignments(command.resources(), v);
        });
        Subject subject = new Subject(command.appointment());
        Booking moved;
        try {
            moved = calls.run(ctx, AppointmentOperations.RESCHEDULE, subject::find,
                    b -> List.of(b.appointment().id().value()), tx -> {
                        Instant now = clock.instant();
                        Optional<IdempotencyKey> key = command.idempotencyKey();
                        if (key.isPresent()) {
                            Optional<Booking> earlier = replay(tx, key.get(), fingerprint(command));
                            if (earlier.isPresent()) {
                                return earlier.get();
                            }
                        }
                        Appointment current = subject.required();
                        if (current.status() != AppointmentStatus.BOOKED) {
                            throw new InvalidTransitionException(current.id(), current.status(), AppointmentStatus.BOOKED);
                        }
                        ServiceType service = service(tx, current.service(), "service");
                        // One transaction: releasing first cannot expose the old time to anyone else, and
                        // a failed claim below rolls the release back with it.
                        tx.claims().release(owner(current.id()));
                        List<RoleAssignment> resources = resolve(tx, service, command.newStart(), command.resources(),
                                Optional.of(current.id()), current.overbooked(), now);
                        Instant end = command.newStart().plus(service.duration());
                        List<RuleFinding> warnings = rules.check(new BookingAttempt(BookingAttempt.Kind.RESCHEDULE,
                                service, current.patient(), command.newStart(), end, resources, ctx.actor(),
                                ctx.purpose(), Optional.of(current.id())), tx, now);
                        claim(tx, service, command.newStart(), resources, owner(current.id()), Optional.empty(),
                                current.overbooked(), now);
                        List<StatusChange> history = new ArrayList<>(current.history());
                        history.add(new StatusChange(Optional.of(current.status()), current.status(), now,
                                ctx.actor().user(), "rescheduled:" + command.reasonCode(), false));
                        Appointment updated = new Appointment(current.id(), current.patient(), current.service(),
                                command.newStart(), end, resources, current.status(), current.series(),
                                current.overbooked(), history, current.version() + 1, current.facility(),
                                current.reason());
                        tx.appointments().update(updated);
                        key.ifPresent(k -> tx.idempotency().insert(new IdempotencyRecord(k, fingerprint(command),
                                updated.id().value(), now)));
                        events.appointment(tx, "appointment.rescheduled", updated, now);
                        return new Booking(updated, warnings);
                    });
        } catch (SlotLost lost) {
            Appointment a = subject.required();
            throw new SlotUnavailableException(lost.busy(), alternatives(a.service(), a.patient(), command.newStart()));
        }
        Appointment before = subject.required();
        List<WaitlistOffer> made = moved.appointment().version() > before.version()
                ? offers.offerFreed(ctx, before) : List.of();
        return new Rescheduling(moved, made);
    }

    /**
     * Moves forward in the lifecycle.
     *
     * @param ctx the caller
     * @param id the appointment
     * @param target the new status
     * @param reasonCode why
     * @return the updated appointment
     */
    public Appointment transition(CallContext ctx, AppointmentId id, AppointmentStatus target, String reasonCode) {
        validateStatusChange(id, target, reasonCode);
        return statusCall(ctx, AppointmentOperations.STATUS, id, target, reasonCode, false);
    }

    /**
     * Checks in, or with an override reason checks in despite missing paperwork: a privileged
     * change audited as {@code appointment.check-in.override} naming the overridden document types.
     *
     * @param ctx the caller
     * @param id the appointment
     * @param overrideReasonCode empty for an ordinary check-in
     * @return the updated appointment
     */
    public Appointment checkIn(CallContext ctx, AppointmentId id, Optional<String> overrideReasonCode) {
        if (overrideReasonCode == null) {
            throw InvalidRequestException.of("overrideReasonCode", "must not be null");
        }
        if (overrideReasonCode.isEmpty()) {
            return transition(ctx, id, AppointmentStatus.CHECKED_IN, "checked-in");
        }
        Violations v = new Violations();
        v.notNull(id, "appointment");
        v.require(overrideReasonCode.get().matches("[A-Za-z0-9._:-]{1,55}"), "overrideReasonCode",
                "must be a code of 1 to 55 letters, digits or . _ : -");
        v.throwIfAny();
        Subject subject = new Subject(id);
        List<String> overridden = new ArrayList<>();
        return calls.run(ctx, AppointmentOperations.CHECK_IN_OVERRIDE, subject::find,
                a -> concat(List.of(a.id().value()), overridden), tx -> {
                    Appointment current = subject.required();
                    Instant now = clock.instant();
                    if (!current.status().canMoveTo(AppointmentStatus.CHECKED_IN)) {
                        throw new InvalidTransitionException(id, current.status(), AppointmentStatus.CHECKED_IN);
                    }
                    for (DocumentTypeId type : checkIn.missing(tx, current, now)) {
                        overridden.add("document-type:" + type.value());
                    }
                    return changeStatus(tx, ctx, current, AppointmentStatus.CHECKED_IN,
                            "override:" + overrideReasonCode.get(), true, now);
                });
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Privileged reset.
     *
     * @param ctx the caller
     * @param id the appointment
     * @param target the status to set
     * @param reasonCode why
     * @return the updated appointment
     */
    public Appointment reset(CallContext ctx, AppointmentId id, AppointmentStatus target, String reasonCode) {
        validateStatusChange(id, target, reasonCode);
        return statusCall(ctx, AppointmentOperations.RESET, id, target, reasonCode, true);
    }

    /** A status change; moving back into a claiming status may find the time taken. */
    private Appointment statusCall(CallContext ctx, Operation operation, AppointmentId id,
                                   AppointmentStatus target, String reasonCode, boolean privileged) {
        Subject subject = new Subject(id);
        try {
            Appointment after = calls.run(ctx, operation.refined(target.code()), subject::find,
                    a -> List.of(a.id().value()),
                    tx -> changeStatus(tx, ctx, subject.required(), target, reasonCode, privileged, clock.instant()));
            Appointment before = subject.required();
            if (before.status().claimsResources() && !target.claimsResources()) {
                offers.offerFreed(ctx, before);
            }
            return after;
        } catch (SlotLost lost) {
            Appointment a = subject.required();
            throw new SlotUnavailableException(lost.busy(), alternatives(a.service(), a.patient(), a.start()));
        }
    }

    private static void validateStatusChange(AppointmentId id, AppointmentStatus target, String reasonCode) {
        Violations v = new Violations();
        v.notNull(id, "appointment");
        v.notNull(target, "target");
        v.require(reasonCode != null && reasonCode.matches("[A-Za-z0-9._:-]{1,64}"), "reasonCode",
                "must be a code of 1 to 64 letters, digits or . _ : -");
        v.throwIfAny();
    }

    private Appointment changeStatus(StorageTransaction tx, CallContext ctx, Appointment current, AppointmentStatus target,
                                     String reasonCode, boolean privileged, Instant now) {
        AppointmentId id = current.id();
        if (current.status() == target || (!privileged && !current.status().canMoveTo(target))) {
            throw new InvalidTransitionException(id, current.status(), target);
        }
        if (!privileged && target == AppointmentStatus.CHECKED_IN) {
            List<DocumentTypeId> missing = checkIn.missing(tx, current, now);
            if (!missing.isEmpty()) {
                throw new PaperworkMissingException(id, missing);
            }
        }
        if (current.status().claimsResources() && !target.claimsResources()) {
            tx.claims().release(owner(id));
        } else if (!current.status().claimsResources() && target.claimsResources()) {
            ServiceType service = service(tx, current.service(), "service");
            claim(tx, service, current.start(), current.resources(), owner(id), Optional.empty(), current.overbooked(), now);
        }
        List<StatusChange> history = new ArrayList<>(current.history());
        history.add(new StatusChange(Optional.of(current.status()), target, now, ctx.actor().user(), reasonCode, privileged));
        Appointment updated = new Appointment(current.id(), current.patient(), current.service(), current.start(),
                current.end(), current.resources(), target, current.series(), current.overbooked(), history,
                current.version() + 1, current.facility(), current.reason());
        tx.appointments().update(updated);
        events.appointment(tx, target == AppointmentStatus.CANCELLED ? "appointment.cancelled" : "appointment.status-changed",
                updated, now);
        if (privileged) {
            LOG.info("privileged reset of appointment {} to {} by user {}", id, target.code(), ctx.actor().user());
        }
        return updated;
    }

    // ---------------------------------------------------------------- reads

    /**
     * Reads one appointment.
     *
     * @param ctx the caller
     * @param id the id
     * @return the appointment
     */
    public Appointment get(CallContext ctx, AppointmentId id) {
        if (id == null) {
            throw InvalidRequestException.of("appointment", "must not be null");
        }
        Subject subject = new Subject(id);
        return calls.run(ctx, AppointmentOperations.READ, subject::find,
                a -> List.of(a.id().value()), tx -> subject.required());
    }

    /**
     * Reads a patient's appointments.
     *
     * @param ctx the caller
     * @param patient the patient
     * @param from the period start
     * @param to the period end
     * @return the appointments starting in the period
     */
    public List<Appointment> forPatient(CallContext ctx, PatientId patient, Instant from, Instant to) {
        checkPeriod(patient, "patient", from, to);
        return calls.run(ctx, AppointmentOperations.LIST_PATIENT, Optional.of(patient),
                list -> list.stream().map(a -> a.id().value()).toList(),
                tx -> tx.appointments().forPatient(patient, from, to).stream()
                        .filter(a -> !a.start().isBefore(from) && a.start().isBefore(to)).toList());
    }

    /**
     * Reads a resource's appointments.
     *
     * @param ctx the caller
     * @param resource the resource
     * @param from the period start
     * @param to the period end
     * @return the appointments starting in the period
     */
    public List<Appointment> forResource(CallContext ctx, ResourceId resource, Instant from, Instant to) {
        checkPeriod(resource, "resource", from, to);
        return calls.run(ctx, AppointmentOperations.LIST_RESOURCE, Optional.empty(),
                list -> list.stream().map(a -> a.id().value()).toList(),
                tx -> tx.appointments().forResource(resource, from, to).stream()
                        .filter(a -> !a.start().isBefore(from) && a.start().isBefore(to)).toList());
    }

    private static void checkPeriod(Object id, String field, Instant from, Instant to) {
        Violations v = new Violations();
        v.notNull(id, field);
        if (v.notNull(from, "from") & v.notNull(to, "to")) {
            v.require(to.isAfter(from), "to", "must be after from");
        }
        v.throwIfAny();
    }

    // ---------------------------------------------------------------- shared steps

    Booking bookInTransaction(StorageTransaction tx, CallContext ctx, BookCommand command, BookingAttempt.Kind kind,
                              Optional<AppointmentId> existing, Instant now) {
        if (command.reason().isPresent()) {
            calls.access().checkWrites(ctx, DataCategory.CLINICAL, "book", "a reason for the visit (reason)");
        }
        ServiceType service = service(tx, command.service(), "service");
        boolean override = command.override().isPresent();
        Instant end = command.start().plus(service.duration());
        // The patient's appointments for the rules come in the same read as the claims.
        SlotFinder.Found found = resolveFound(tx, service, command.start(), command.resources(), existing, override,
                now, Optional.of(new SlotFinder.PatientWindow(command.patient(), command.start(), end)));
        List<RoleAssignment> resources = found.options().get(0).resources();
        List<RuleFinding> warnings = rules.check(new BookingAttempt(kind, service, command.patient(), command.start(), end,
                resources, ctx.actor(), ctx.purpose(), existing), tx, now, found.patientAppointments());
        AppointmentId id = AppointmentId.of(ids.next("apt"));
        claim(tx, service, command.start(), resources, owner(id), Optional.empty(), override, now);
        String reason = command.override().map(CapacityOverride::reasonCode).map(c -> "override:" + c).orElse("booked");
        Appointment appointment = created(ctx, id, command.patient(), service, command.start(), resources, Optional.empty(),
                override, reason, command.reason(), now);
        tx.appointments().insert(appointment);
        events.appointment(tx, "appointment.booked", appointment, now);
        if (override) {
            LOG.info("capacity override on appointment {} by user {}", id, ctx.actor().user());
        }
        return new Booking(appointment, warnings);
    }

    private static Appointment created(CallContext ctx, AppointmentId id, PatientId patient, ServiceType service,
                                       Instant start, List<RoleAssignment> resources, Optional<SeriesId> series,
                                       boolean overbooked, String reason, Optional<VisitReason> visitReason,
                                       Instant now) {
        StatusChange first = new StatusChange(Optional.empty(), AppointmentStatus.BOOKED, now, ctx.actor().user(), reason,
                overbooked);
        return new Appointment(id, patient, service.id(), start, start.plus(service.duration()), resources,
                AppointmentStatus.BOOKED, series, overbooked, List.of(first), 1, ctx.actor().facility(), visitReason);
    }

    /**
     * The resources for a booking: the caller's, checked to exist, qualify and be free; or the
     * first free ones in search order.
     */
    private List<RoleAssignment> resolve(StorageTransaction tx, ServiceType service, Instant start,
                                         List<RoleAssignment> requested, Optional<AppointmentId> ignoring,
                                         boolean override, Instant now) {
        return resolveFound(tx, service, start, requested, ignoring, override, now, Optional.empty()).options().get(0)
                .resources();
    }

    /** As {@link #resolve}, reading a patient's appointments for the rules along with the claims. */
    private SlotFinder.Found resolveFound(StorageTransaction tx, ServiceType service, Instant start,
                                         List<RoleAssignment> requested, Optional<AppointmentId> ignoring,
                                         boolean override, Instant now, Optional<SlotFinder.PatientWindow> forRules) {
        if (!requested.isEmpty()) {
            checkRequested(tx, service, requested);
        }
        List<RoleAssignment> ordered = requested.isEmpty() ? List.of() : inRoleOrder(service, requested);
        SlotFinder.Found found = SlotFinder.search(tx, facilities,
                checkSpec(service, null, start, ordered, ignoring, override), now, forRules);
        if (found.options().isEmpty()) {
            throw new SlotLost(ordered.stream().map(RoleAssignment::resource).toList());
        }
        return found;
    }

    private static SlotFinder.Spec checkSpec(ServiceType service, PatientId patient, Instant start,
                                             List<RoleAssignment> fixed, Optional<AppointmentId> ignoring,
                                             boolean override) {
        return new SlotFinder.Spec(service, patient, start, start.plus(ServiceType.GRANULE), Preferences.NONE, 1, ignoring,
                fixed, override ? SlotFinder.Mode.CHECK_OVER_CAPACITY : SlotFinder.Mode.CHECK);
    }

    private void checkRequested(StorageTransaction tx, ServiceType service, List<RoleAssignment> requested) {
        Violations v = new Violations();
        Set<String> roles = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            RoleAssignment a = requested.get(i);
            Optional<ResourceRequirement> req = service.requirements().stream().filter(r -> r.role().equals(a.role()))
                    .findFirst();
            if (!v.require(req.isPresent(), "resources[" + i + "].role", "is not a role of service " + service.id())) {
                continue;
            }
            v.require(roles.add(a.role()), "resources[" + i + "].role", "is assigned twice");
            Optional<Resource> resource = facilities.of(tx).resource(a.resource());
            if (v.require(resource.isPresent(), "resources[" + i + "].resource", "unknown resource " + a.resource())) {
                v.require(req.get().matches(resource.get()), "resources[" + i + "].resource",
                        "resource " + a.resource() + " does not qualify for role " + a.role());
            }
        }
        List<String> missing = service.requirements().stream().map(ResourceRequirement::role)
                .filter(r -> !roles.contains(r)).toList();
        v.require(missing.isEmpty(), "resources", "must assign every role of service " + service.id() + "; missing "
                + missing);
        v.throwIfAny();
    }

    private static List<RoleAssignment> inRoleOrder(ServiceType service, List<RoleAssignment> requested) {
        List<RoleAssignment> out = new ArrayList<>(requested);
        List<String> order = service.requirements().stream().map(ResourceRequirement::role).toList();
        out.sort(Comparator.comparingInt(a -> order.indexOf(a.role())));
        return out;
    }

    private static void claim(StorageTransaction tx, ServiceType service, Instant start, List<RoleAssignment> resources,
                              String owner, Optional<Instant> expires, boolean overCapacity, Instant now) {
        Instant from = start.minus(service.bufferBefore());
        Instant to = start.plus(service.duration()).plus(service.bufferAfter());
        List<Claim> claims = resources.stream()
                .map(a -> new Claim(a.resource(), from, to, owner, expires, overCapacity)).toList();
        Optional<ClaimConflict> conflict = tx.claims().claimAll(claims, now);
        if (conflict.isPresent()) {
            throw new SlotLost(List.of(conflict.get().resource()));
        }
    }

    private Optional<Booking> replay(StorageTransaction tx, IdempotencyKey key, String fingerprint) {
        Optional<IdempotencyRecord> earlier = tx.idempotency().find(key);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        if (!earlier.get().fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReusedException(key);
        }
        Appointment first = tx.appointments().find(AppointmentId.of(earlier.get().resultId()))
                .orElseThrow(() -> new NotFoundException("appointment", earlier.get().resultId()));
        return Optional.of(new Booking(first, List.of()));
    }

    private <T> T withAlternatives(ServiceTypeId service, PatientId patient, Instant wanted,
                                   java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (SlotLost lost) {
            throw new SlotUnavailableException(lost.busy(), alternatives(service, patient, wanted));
        }
    }

    /**
     * Options near a wanted time, nearest first: searched from a day before to two weeks after.
     */
    List<SlotOption> alternatives(ServiceTypeId serviceId, PatientId patient, Instant wanted) {
        Instant now = clock.instant();
        return storage.read(tx -> {
            Optional<ServiceType> service = facilities.of(tx).service(serviceId);
            if (service.isEmpty()) {
                return List.<SlotOption>of();
            }
            Instant from = wanted.minus(Duration.ofDays(1));
            List<SlotOption> found = SlotFinder.find(tx, facilities, new SlotFinder.Spec(service.get(), patient, from,
                    wanted.plus(Duration.ofDays(14)), Preferences.NONE, 200, Optional.empty(), List.of(),
                    SlotFinder.Mode.SEARCH), now);
            return found.stream()
                    .sorted(Comparator.comparing((SlotOption o) -> Duration.between(wanted, o.start()).abs())
                            .thenComparing(SlotOption::start))
                    .limit(ALTERNATIVES).toList();
        });
    }

    /**
     * The appointment a call is about, read once inside the call's transaction: its patient names
     * the audit record (denied and failed calls included), the rest serves the work.
     */
    private static final class Subject {
        private final AppointmentId id;
        private Appointment appointment;

        Subject(AppointmentId id) {
            this.id = id;
        }

        Optional<PatientId> find(StorageTransaction tx) {
            appointment = tx.appointments().find(id).orElse(null);
            return Optional.ofNullable(appointment).map(Appointment::patient);
        }

        Appointment required() {
            if (appointment == null) {
                throw new NotFoundException("appointment", id.value());
            }
            return appointment;
        }
    }

    private ServiceType service(StorageTransaction tx, ServiceTypeId id, String field) {
        return facilities.of(tx).service(id)
                .orElseThrow(() -> InvalidRequestException.of(field, "unknown service type " + id));
    }

    private void validateBook(BookCommand command) {
        validator.validate(command, "command", v -> checkBook(command, v));
    }

    private static void checkBook(BookCommand command, Violations v) {
        v.require(onGrid(command.start()), "start", "must be on a 5-minute boundary");
        checkAssignments(command.resources(), v);
    }

    private static void checkAssignments(List<RoleAssignment> resources, Violations v) {
        Set<ResourceId> seen = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            v.require(seen.add(resources.get(i).resource()), "resources[" + i + "].resource",
                    "the same resource cannot fill two roles");
        }
    }

    private static boolean onGrid(Instant instant) {
        return Granules.floor(instant) == Granules.ceil(instant);
    }

    static String owner(AppointmentId id) {
        return "appointment:" + id.value();
    }

    private static String fingerprint(Object command) {
        String canonical = command instanceof BookCommand b
                ? String.join("|", "book", b.service().value(), b.patient().value(), b.start().toString(),
                        b.resources().toString(), b.override().map(CapacityOverride::reasonCode).orElse(""))
                : command instanceof RescheduleCommand r
                        ? String.join("|", "reschedule", r.appointment().value(), r.newStart().toString(),
                                r.resources().toString(), r.reasonCode())
                        : command.toString();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
