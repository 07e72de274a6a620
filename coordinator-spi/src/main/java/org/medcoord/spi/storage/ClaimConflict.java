package org.medcoord.spi.storage;

import java.util.Objects;
import org.medcoord.api.schedule.ResourceId;

/**
 * Why a set of claims was refused: the first claim that would have exceeded its resource's
 * capacity.
 *
 * @param refused the claim that did not fit
 * @param resource its resource
 * @since 0.1
 */
public record ClaimConflict(Claim refused, ResourceId resource) {
    /**
     * Checks the parts.
     *
     * @param refused the claim
     * @param resource the resource
     */
    public ClaimConflict {
        Objects.requireNonNull(refused, "refused");
        Objects.requireNonNull(resource, "resource");
    }
}
