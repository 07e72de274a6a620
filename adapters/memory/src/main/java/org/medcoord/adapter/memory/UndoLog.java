package org.medcoord.adapter.memory;

import java.util.ArrayList;
import java.util.List;

/** What to do, newest first, to take back the writes of a unit. Nested units mark a savepoint. */
final class UndoLog {
    private final List<Runnable> actions = new ArrayList<>();

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
