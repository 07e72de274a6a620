package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.CalendarRead;
import org.medcoord.spi.storage.support.UnitOfWork;

/**
 * One unit of work: the transaction handed to the work. Confined to the thread that runs it and
 * refused once the unit has ended. Nested units share their outer unit's {@link Session}.
 */
final class Unit extends UnitOfWork {
    private final Stores stores;
    private final Session session;

    Unit(Stores stores, Session session, String storage, boolean readOnly, boolean nested) {
        super(stores.ports(), storage, readOnly, nested);
        this.stores = stores;
        this.session = session;
    }

    Session session() {
        return session;
    }

    Connection connection() {
        return session.connection();
    }

    @Override
    protected boolean writesClosed() {
        return session.finished();
    }

    @Override
    protected void closeWrites() {
        session.finish();
    }

    @Override
    protected CalendarRead readCalendar(CalendarQuery query, boolean finishing) {
        return stores.calendar().combines() ? stores.calendar().read(query, finishing)
                : super.readCalendar(query, finishing);
    }
}
