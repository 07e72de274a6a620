package org.medcoord.core.access.internal;

import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;

/**
 * Who is calling and why, carried by every service call.
 *
 * @param actor the actor
 * @param purpose the purpose of use
 * @param breakGlass the break-glass grant an emergency session runs under, if any
 */
public record CallContext(Actor actor, Purpose purpose, Optional<BreakGlass> breakGlass) {
    /**
     * Checks all are present.
     *
     * @param actor the actor
     * @param purpose the purpose
     * @param breakGlass the break-glass grant
     */
    public CallContext {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(breakGlass, "breakGlass");
    }

    /**
     * A context without break-glass.
     *
     * @param actor the actor
     * @param purpose the purpose
     */
    public CallContext(Actor actor, Purpose purpose) {
        this(actor, purpose, Optional.empty());
    }
}
