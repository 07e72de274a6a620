package org.medcoord.adapter.memory;

import java.util.Objects;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.CalendarRead;
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
     * The three reads, as the default does. A finishing query in an outermost writing unit makes
     * the stores refuse later writes; the unit's writes still commit or roll back with the unit,
     * since committing early would save nothing in memory.
     */
    @Override
    public CalendarRead calendar(CalendarQuery query) {
        check();
        Objects.requireNonNull(query, "query");
        if (query.finishing() && !readOnly() && !nested()) {
            log.finish();
        }
        return super.calendar(query);
    }
}
