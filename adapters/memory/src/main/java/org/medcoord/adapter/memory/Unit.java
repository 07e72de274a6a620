package org.medcoord.adapter.memory;

import org.medcoord.spi.storage.support.StorePorts;
import org.medcoord.spi.storage.support.UnitOfWork;

/**
 * One unit of work: the transaction handed to the work. Confined to the thread that runs it and
 * refused once the unit has ended. A nested unit shares its outer unit's undo log.
 */
final class Unit extends UnitOfWork {
    private final UndoLog log;

    Unit(StorePorts stores, UndoLog log, boolean readOnly, boolean nested) {
        super(stores, "memory", readOnly, nested);
        this.log = log;
    }

    UndoLog log() {
        return log;
    }

    /** Records how to take back a write just made. */
    void onRollback(Runnable undo) {
        log.add(undo);
    }

    @Override
    protected boolean writesClosed() {
        return log.finished();
    }

    /**
     * Makes the stores refuse later writes; the unit's writes still commit or roll back with the
     * unit, since committing early would save nothing in memory.
     */
    @Override
    protected void closeWrites() {
        log.finish();
    }
}
