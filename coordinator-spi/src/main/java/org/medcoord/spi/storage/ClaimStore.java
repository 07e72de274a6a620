package org.medcoord.spi.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.schedule.ResourceId;

/**
 * Time claimed on resources. This store, not its callers, guarantees that a resource is never
 * claimed beyond its capacity.
 *
 * <p><b>Implementation requirements.</b> {@link #claimAll} is all-or-nothing: when any claim
 * would exceed capacity nothing is added. Capacity is checked against the resource's stored
 * capacity at every instant of the claim, counting claims active at {@code now} (no expiry, or
 * expiry after {@code now}) and the claims earlier in the same list. A claim marked
 * {@code overCapacity} is added without the check (it still counts against later claims). The
 * check must hold against concurrent transactions, including from other processes where the
 * adapter allows several.
 *
 * @since 0.1
 */
public interface ClaimStore {
    /**
     * Adds claims, all or none.
     *
     * @param claims the claims, in the order to check them
     * @param now the instant used to decide which existing claims are active
     * @return empty when all were added, else the first that did not fit
     * @throws org.medcoord.api.common.NotFoundException when a claim names an unknown resource
     */
    Optional<ClaimConflict> claimAll(List<Claim> claims, Instant now);

    /**
     * Removes every claim of an owner.
     *
     * @param owner the owner
     * @return how many were removed
     */
    int release(String owner);

    /**
     * Moves every claim of one owner to another, clearing their expiry (a hold becoming an
     * appointment).
     *
     * @param fromOwner the current owner
     * @param toOwner the new owner
     * @return how many were moved
     */
    int transfer(String fromOwner, String toOwner);

    /**
     * Claims of some resources overlapping {@code [from, to)} that are active at {@code now},
     * ordered by resource id then start.
     *
     * @param resources the resources
     * @param from the period start
     * @param to the period end
     * @param now the instant deciding which claims are active
     * @return the claims
     */
    List<Claim> active(Collection<ResourceId> resources, Instant from, Instant to, Instant now);

    /**
     * Every claim of an owner, expired or not, ordered by resource id.
     *
     * @param owner the owner
     * @return the claims
     */
    List<Claim> owned(String owner);
}
