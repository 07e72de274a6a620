package org.medcoord.spi.storage;

import java.util.List;
import java.util.Optional;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistEntryId;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * Wait-list entries.
 *
 * <p><b>Implementation requirements.</b> {@link #open} returns entries whose status is waiting or
 * offered, ordered by priority (highest first), then creation time, then id.
 *
 * @since 0.1
 */
public interface WaitlistStore {
    /**
     * Inserts or replaces an entry.
     *
     * @param entry the entry
     */
    void put(WaitlistEntry entry);

    /**
     * Looks up an entry.
     *
     * @param id the id
     * @return the entry, or empty
     */
    Optional<WaitlistEntry> find(WaitlistEntryId id);

    /**
     * Open entries for a service, in offer order.
     *
     * @param service the service type
     * @return the entries
     */
    List<WaitlistEntry> open(ServiceTypeId service);
}
