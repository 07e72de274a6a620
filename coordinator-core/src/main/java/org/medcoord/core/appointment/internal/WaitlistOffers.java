package org.medcoord.core.appointment.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medcoord.core.event.internal.Events;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistOffer;
import org.medcoord.api.appointment.WaitlistRequest;
import org.medcoord.api.appointment.WaitlistStatus;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.core.access.internal.CallContext;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.schedule.internal.SlotFinder;
import org.medcoord.spi.storage.Storage;

/**
 * Offers freed time to waiting patients: open entries of the same service are tried in offer
 * order (priority, then time joined); each one whose window, preferences and own calendar fit
 * the freed start is offered it, up to a few entries.
 */
public final class WaitlistOffers {
    /** How many waiting patients are offered the same freed slot. */
    static final int OFFERS_PER_SLOT = 3;

    private final Storage storage;
    private final Clock clock;
    private final AuditedCalls calls;
    private final Events events;
    private final boolean enabled;

    /**
     * The offer maker of a coordinator without the wait list: freed time is offered to nobody.
     *
     * @return an offer maker that makes no offers
     */
    public static WaitlistOffers none() {
        return new WaitlistOffers(null, null, null, null, false);
    }

    /**
     * Creates the offer maker.
     *
     * @param storage the storage
     * @param clock the clock
     * @param calls the audited call runner
     * @param events the outbox writer
     */
    public WaitlistOffers(Storage storage, Clock clock, AuditedCalls calls, Events events) {
        this(storage, clock, calls, events, true);
    }

    private WaitlistOffers(Storage storage, Clock clock, AuditedCalls calls, Events events, boolean enabled) {
        this.enabled = enabled;
        this.storage = storage;
        this.clock = clock;
        this.calls = calls;
        this.events = events;
    }

    /**
     * Offers the time an appointment gave up.
     *
     * @param ctx the caller whose action freed the time
     * @param freed the appointment as it was before it gave up its time
     * @return the offers made, best first
     */
    public List<WaitlistOffer> offerFreed(CallContext ctx, Appointment freed) {
        if (!enabled) {
            return List.of();
        }
        return storage.inTransaction(tx -> {
            Instant now = clock.instant();
            Optional<ServiceType> service = tx.schedule().service(freed.service());
            if (service.isEmpty() || !freed.start().isAfter(now)) {
                return List.<WaitlistOffer>of();
            }
            Set<ResourceId> freedResources = new HashSet<>();
            freed.resources().stream().map(RoleAssignment::resource).forEach(freedResources::add);
            List<WaitlistOffer> made = new ArrayList<>();
            for (WaitlistEntry entry : tx.waitlist().open(freed.service())) {
                if (made.size() == OFFERS_PER_SLOT) {
                    break;
                }
                WaitlistRequest request = entry.request();
                if (entry.status() != WaitlistStatus.WAITING || freed.start().isBefore(request.windowStart())
                        || !freed.start().isBefore(request.windowEnd())) {
                    continue;
                }
                Set<ResourceId> preferred = new HashSet<>(freedResources);
                preferred.addAll(request.preferences().preferredResources());
                Preferences prefs = new Preferences(request.preferences().sites(), request.preferences().onlyResources(),
                        preferred, request.preferences().timesOfDay(), request.preferences().zone());
                List<SlotOption> fit = SlotFinder.find(tx, new SlotFinder.Spec(service.get(), request.patient(),
                        freed.start(), freed.start().plusSeconds(1), prefs, 1, Optional.empty(), List.of(),
                        SlotFinder.Mode.OFFER), now);
                if (fit.isEmpty()) {
                    continue;
                }
                SlotOption slot = fit.get(0);
                tx.waitlist().put(new WaitlistEntry(entry.id(), request, WaitlistStatus.OFFERED, entry.createdAt(),
                        Optional.of(slot), Optional.empty()));
                made.add(new WaitlistOffer(entry.id(), request.patient(), made.size() + 1, slot));
                events.other(tx, "waitlist.offered", entry.id().value(), Map.of("entry", entry.id(),
                        "patient", request.patient(), "start", slot.start()), now);
                calls.append(tx, ctx, WaitlistOperations.OFFER, List.of(entry.id().value(), freed.id().value()),
                        Optional.of(request.patient()), AuditOutcome.SUCCESS, "ok");
            }
            return made;
        });
    }
}
