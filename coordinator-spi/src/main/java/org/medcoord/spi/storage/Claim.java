package org.medcoord.spi.storage;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.common.Identifiers;
import org.medcoord.api.schedule.ResourceId;

/**
 * Time claimed on one resource, buffers included, by an owner: {@code appointment:<id>} for a
 * booking, {@code hold:<id>} for a hold. A claim with an expiry stops counting once the expiry
 * has passed.
 *
 * @param resource the resource
 * @param start the start, inclusive
 * @param end the end, exclusive, after start
 * @param owner who owns the claim
 * @param expiresAt when the claim lapses, for holds
 * @param overCapacity whether it was allowed over capacity by an audited override
 * @since 0.1
 */
public record Claim(ResourceId resource, Instant start, Instant end, String owner, Optional<Instant> expiresAt,
                    boolean overCapacity) {
    /**
     * Checks the parts.
     *
     * @param resource the resource
     * @param start the start
     * @param end the end
     * @param owner the owner
     * @param expiresAt the expiry
     * @param overCapacity whether over capacity
     */
    public Claim {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("claim end must be after start");
        }
        Identifiers.checkText("owner", owner, 80);
    }

    /**
     * Whether the claim counts at an instant.
     *
     * @param now the instant
     * @return {@code true} when it has no expiry or has not expired
     */
    public boolean activeAt(Instant now) {
        return expiresAt.map(now::isBefore).orElse(true);
    }

    /**
     * Whether the claim overlaps {@code [from, to)}.
     *
     * @param from the start
     * @param to the end
     * @return {@code true} when the half-open intervals intersect
     */
    public boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && from.isBefore(end);
    }
}
