package org.medcoord.core.appointment.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistEntryId;
import org.medcoord.api.appointment.WaitlistRequest;
import org.medcoord.api.appointment.WaitlistStatus;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.core.access.internal.CallContext;
import org.medcoord.core.access.internal.Permission;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.common.internal.CommandValidator;
import org.medcoord.core.common.internal.IdGenerator;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * The wait list: joining, accepting an offer, withdrawing.
 */
public final class WaitlistService {
    private final Storage storage;
    private final Clock clock;
    private final CommandValidator validator;
    private final IdGenerator ids;
    private final AuditedCalls calls;
    private final BookingService booking;

    /**
     * Creates the service.
     *
     * @param storage the storage
     * @param clock the clock
     * @param validator the validator
     * @param ids the id generator
     * @param calls the audited call runner
     * @param booking the booking service
     */
    public WaitlistService(Storage storage, Clock clock, CommandValidator validator, IdGenerator ids, AuditedCalls calls,
                           BookingService booking) {
        this.storage = storage;
        this.clock = clock;
        this.validator = validator;
        this.ids = ids;
        this.calls = calls;
        this.booking = booking;
    }

    /**
     * Adds an entry.
     *
     * @param ctx the caller
     * @param request the request
     * @return the entry
     */
    public WaitlistEntry add(CallContext ctx, WaitlistRequest request) {
        validator.validate(request, "request", v -> {
            v.require(request.windowEnd().isAfter(request.windowStart()), "windowEnd", "must be after windowStart");
            v.require(Duration.between(request.windowStart(), request.windowEnd()).toDays() <= 366, "windowEnd",
                    "must be at most 366 days after windowStart");
        });
        return calls.run(ctx, WaitlistOperations.ADD, Optional.of(request.patient()),
                e -> List.of(e.id().value()), tx -> {
                    if (tx.schedule().service(request.service()).isEmpty()) {
                        throw InvalidRequestException.of("service", "unknown service type " + request.service());
                    }
                    WaitlistEntry entry = new WaitlistEntry(WaitlistEntryId.of(ids.next("wl")), request,
                            WaitlistStatus.WAITING, clock.instant(), Optional.empty(), Optional.empty());
                    tx.waitlist().put(entry);
                    return entry;
                });
    }

    /**
     * Accepts the offer made to an entry.
     *
     * @param ctx the caller
     * @param id the entry
     * @return the booking
     */
    public Booking accept(CallContext ctx, WaitlistEntryId id) {
        WaitlistEntry entry = find(id);
        SlotOption slot = entry.offer().filter(o -> entry.status() == WaitlistStatus.OFFERED)
                .orElseThrow(() -> new ConflictException("no-open-offer", "wait-list entry " + id + " has no open offer"));
        try {
            return booking.bookTogetherWith(ctx, BookCommand.of(entry.request().patient(), slot), (tx, booked) -> {
                WaitlistEntry current = find(tx, id);
                if (current.status() != WaitlistStatus.OFFERED) {
                    throw new ConflictException("no-open-offer", "wait-list entry " + id + " has no open offer");
                }
                tx.waitlist().put(new WaitlistEntry(id, entry.request(), WaitlistStatus.BOOKED, entry.createdAt(),
                        Optional.of(slot), Optional.of(booked.appointment().id())));
                reopenOthers(tx, entry, slot);
            });
        } catch (ConflictException lost) {
            // The offered time went to someone else: the entry waits again, unless another accept of
            // the same offer has booked it meanwhile.
            storage.inTransaction(tx -> {
                if (find(tx, id).status() == WaitlistStatus.OFFERED) {
                    tx.waitlist().put(new WaitlistEntry(id, entry.request(), WaitlistStatus.WAITING,
                            entry.createdAt(), Optional.empty(), Optional.empty()));
                }
                return null;
            });
            throw lost;
        }
    }

    private static void reopenOthers(StorageTransaction tx, WaitlistEntry taken, SlotOption slot) {
        for (WaitlistEntry other : tx.waitlist().open(taken.request().service())) {
            if (!other.id().equals(taken.id()) && other.status() == WaitlistStatus.OFFERED
                    && other.offer().map(o -> o.start().equals(slot.start())).orElse(false)) {
                tx.waitlist().put(new WaitlistEntry(other.id(), other.request(), WaitlistStatus.WAITING, other.createdAt(),
                        Optional.empty(), Optional.empty()));
            }
        }
    }

    /**
     * Withdraws an entry.
     *
     * @param ctx the caller
     * @param id the entry
     */
    public void withdraw(CallContext ctx, WaitlistEntryId id) {
        WaitlistEntry entry = find(id);
        calls.run(ctx, WaitlistOperations.WITHDRAW, Optional.of(entry.request().patient()),
                e -> List.of(id.value()), tx -> {
                    WaitlistEntry closed = new WaitlistEntry(id, entry.request(), WaitlistStatus.CLOSED, entry.createdAt(),
                            Optional.empty(), entry.appointment());
                    tx.waitlist().put(closed);
                    return closed;
                });
    }

    /**
     * Reads an entry.
     *
     * @param ctx the caller
     * @param id the entry
     * @return the entry
     */
    public WaitlistEntry get(CallContext ctx, WaitlistEntryId id) {
        return calls.run(ctx, WaitlistOperations.READ,
                tx -> Optional.ofNullable(id).flatMap(tx.waitlist()::find).map(e -> e.request().patient()),
                e -> List.of(e.id().value()), tx -> find(tx, id));
    }

    /**
     * Open entries of a service.
     *
     * @param ctx the caller
     * @param service the service
     * @return the entries in offer order
     */
    public List<WaitlistEntry> open(CallContext ctx, ServiceTypeId service) {
        if (service == null) {
            throw InvalidRequestException.of("service", "must not be null");
        }
        return calls.run(ctx, WaitlistOperations.LIST, Optional.empty(),
                list -> list.stream().map(e -> e.id().value()).toList(), tx -> tx.waitlist().open(service));
    }

    private WaitlistEntry find(WaitlistEntryId id) {
        return storage.read(tx -> find(tx, id));
    }

    private static WaitlistEntry find(StorageTransaction tx, WaitlistEntryId id) {
        if (id == null) {
            throw InvalidRequestException.of("entry", "must not be null");
        }
        return tx.waitlist().find(id).orElseThrow(() -> new NotFoundException("waitlist entry", id.value()));
    }
}
