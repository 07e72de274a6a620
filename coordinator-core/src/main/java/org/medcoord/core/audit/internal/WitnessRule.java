package org.medcoord.core.audit.internal;

import java.util.Optional;
import org.medcoord.api.common.ConflictException;
import org.medcoord.spi.audit.Checkpoint;

/** The forward-only rule every shipped witness applies before it keeps a checkpoint. */
final class WitnessRule {
    private WitnessRule() {
    }

    /**
     * Whether a checkpoint is new to a witness whose newest is given: true when its index is
     * higher, false when it is the newest again.
     *
     * @throws ConflictException {@code witness-regression} or {@code witness-fork} otherwise
     */
    static boolean isNew(String witness, Optional<Checkpoint> newest, Checkpoint checkpoint) {
        if (newest.isEmpty() || checkpoint.index() > newest.get().index()) {
            return true;
        }
        Checkpoint held = newest.get();
        if (checkpoint.index() == held.index()) {
            if (checkpoint.equals(held)) {
                return false;
            }
            throw new ConflictException("witness-fork", "witness " + witness + " holds another checkpoint "
                    + held.index() + " (event " + held.sequence() + ") than the one offered (event "
                    + checkpoint.sequence() + ")");
        }
        throw new ConflictException("witness-regression", "witness " + witness + " holds checkpoint " + held.index()
                + "; checkpoint " + checkpoint.index() + " is older");
    }
}
