package org.medcoord.api.schedule;

import java.time.Instant;
import org.medcoord.api.common.Violations;

/**
 * A period when a resource cannot be booked, whatever its template says.
 *
 * @param resource the resource
 * @param start the first instant
 * @param end the end, exclusive, after start
 * @param kind holiday, closure or block
 * @param reasonCode a short code such as {@code public-holiday} or {@code scanner-service};
 *     never patient information
 * @since 0.1
 */
public record Unavailability(ResourceId resource, Instant start, Instant end, UnavailabilityKind kind, String reasonCode) {
    /**
     * Validates the parts.
     *
     * @param resource the resource
     * @param start the start
     * @param end the end
     * @param kind the kind
     * @param reasonCode the reason code
     */
    public Unavailability {
        Violations v = new Violations();
        v.notNull(resource, "resource");
        if (v.notNull(start, "start") & v.notNull(end, "end")) {
            v.require(end.isAfter(start), "end", "must be after start");
        }
        v.notNull(kind, "kind");
        v.text(reasonCode, "reasonCode", 64);
        v.throwIfAny();
    }
}
