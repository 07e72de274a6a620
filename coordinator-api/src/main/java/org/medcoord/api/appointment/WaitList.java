package org.medcoord.api.appointment;

import java.util.List;
import org.medcoord.api.common.Feature;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * The wait list: patients who want a slot sooner than they could get one. When a slot frees up
 * (a cancellation, a reschedule), the best-matching waiting patients are offered it in order:
 * highest priority first, then earliest to join.
 *
 * @since 0.1
 */
public interface WaitList {
    /** The wait list and its offers of freed time. Needs {@link Appointments#FEATURE appointments}. */
    Feature FEATURE = new Feature("waitlist");

    /**
     * Puts a patient on the wait list.
     *
     * @param request what they want
     * @return the entry
     */
    WaitlistEntry add(WaitlistRequest request);

    /**
     * Books the slot offered to an entry. The booking and the entry's move to booked commit
     * together; when the slot went to someone else the entry waits again.
     *
     * @param entry the entry
     * @return the booking
     * @throws SlotUnavailableException when someone else took the slot first
     * @throws org.medcoord.api.common.ConflictException when the entry has no open offer
     */
    Booking accept(WaitlistEntryId entry);

    /**
     * Takes a patient off the wait list.
     *
     * @param entry the entry
     */
    void withdraw(WaitlistEntryId entry);

    /**
     * Reads an entry.
     *
     * @param entry the id
     * @return the entry
     * @throws org.medcoord.api.common.NotFoundException when there is none
     */
    WaitlistEntry get(WaitlistEntryId entry);

    /**
     * Open entries (waiting or offered) for a service, in offer order.
     *
     * @param service the service type
     * @return the entries
     */
    List<WaitlistEntry> open(ServiceTypeId service);
}
