package org.medcoord.spi.storage;

import java.util.Optional;
import org.medcoord.api.appointment.Hold;
import org.medcoord.api.appointment.HoldId;

/**
 * Tentative holds. The claims a hold makes live in the {@link ClaimStore}.
 *
 * <p><b>Implementation requirements.</b> Holds are returned as stored, expired or not; callers
 * decide on expiry.
 *
 * @since 0.1
 */
public interface HoldStore {
    /**
     * Stores a hold.
     *
     * @param hold the hold
     * @throws org.medcoord.api.common.ConflictException with code {@code hold-exists} when the id
     *     exists
     */
    void insert(Hold hold);

    /**
     * Looks up a hold.
     *
     * @param id the id
     * @return the hold, or empty
     */
    Optional<Hold> find(HoldId id);

    /**
     * Removes a hold.
     *
     * @param id the id
     * @return {@code true} when it existed
     */
    boolean delete(HoldId id);
}
