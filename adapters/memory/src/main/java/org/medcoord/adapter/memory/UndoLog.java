package org.medcoord.adapter.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * What to do, newest first, to take back the writes of an outermost unit, shared with the units
 * nested in it, which mark a savepoint; and whether the unit has said it writes nothing more.
 */
final class UndoLog {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean finished;

    /** The unit made a finishing calendar read: from now on its stores refuse writes. */
    void finish() {
        finished = true;
    }

    boolean finished() {
        return finished;
    }

    void add(Runnable action) {
        actions.add(action);
    }

    int savepoint() {
        return actions.size();
    }

    /**
     * Undoes everything after a savepoint, newest first. A failing undo action is a bug; it is
     * attached to the failure that caused the rollback rather than hiding it.
     */
    void rollbackTo(int savepoint, Throwable cause) {
        for (int i = actions.size() - 1; i >= savepoint; i--) {
            Runnable action = actions.remove(i);
            try {
                action.run();
            } catch (RuntimeException | Error e) {
                cause.addSuppressed(e);
            }
        }
    }
}
