package org.medcoord.core.access.internal;

import java.util.Objects;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;

/**
 * Who is calling and why, carried by every service call.
 *
 * @param actor the actor
 * @param purpose the purpose of use
 */
public record CallContext(Actor actor, Purpose purpose) {
    /**
     * Checks both are present.
     *
     * @param actor the actor
     * @param purpose the purpose
     */
    public CallContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(purpose, "purpose");
    }
}
