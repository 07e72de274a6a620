package org.medcoord.core.feature.internal;

import java.util.Objects;
import java.util.function.Function;
import org.medcoord.core.access.internal.CallContext;

/**
 * How a session gets one feature's facade: each feature module contributes one to the set the
 * coordinator assembles sessions from.
 *
 * @param type the facade interface
 * @param open makes the facade for one caller
 * @param <F> the facade type
 */
public record FacadeFactory<F>(Class<F> type, Function<CallContext, ? extends F> open) {
    /**
     * Checks the parts.
     *
     * @param type the facade interface
     * @param open the factory
     */
    public FacadeFactory {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(open, "open");
    }

    /**
     * The facade for one caller.
     *
     * @param ctx the caller
     * @return the facade
     */
    public F openFor(CallContext ctx) {
        return open.apply(ctx);
    }
}
