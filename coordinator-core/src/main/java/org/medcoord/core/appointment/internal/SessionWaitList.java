package org.medcoord.core.appointment.internal;

import java.util.List;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.WaitList;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistEntryId;
import org.medcoord.api.appointment.WaitlistRequest;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.core.access.internal.CallContext;

/**
 * {@link WaitList} for one caller.
 */
public final class SessionWaitList implements WaitList {
    private final WaitlistService service;
    private final CallContext ctx;

    /**
     * Creates the facade.
     *
     * @param service the shared service
     * @param ctx the caller
     */
    public SessionWaitList(WaitlistService service, CallContext ctx) {
        this.service = service;
        this.ctx = ctx;
    }

    @Override
    public WaitlistEntry add(WaitlistRequest request) {
        return service.add(ctx, request);
    }

    @Override
    public Booking accept(WaitlistEntryId entry) {
        return service.accept(ctx, entry);
    }

    @Override
    public void withdraw(WaitlistEntryId entry) {
        service.withdraw(ctx, entry);
    }

    @Override
    public WaitlistEntry get(WaitlistEntryId entry) {
        return service.get(ctx, entry);
    }

    @Override
    public List<WaitlistEntry> open(ServiceTypeId service) {
        return this.service.open(ctx, service);
    }
}
