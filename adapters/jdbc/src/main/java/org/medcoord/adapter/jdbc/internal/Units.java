package org.medcoord.adapter.jdbc.internal;

/**
 * Which unit of work each thread is running on one storage. Stores ask it for the current unit, so
 * a store reached outside a unit, after it, or from another thread is refused.
 */
final class Units {
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    Unit current() {
        return current.get();
    }

    void set(Unit unit) {
        if (unit == null) {
            current.remove();
        } else {
            current.set(unit);
        }
    }

    Unit reading() {
        Unit unit = current.get();
        if (unit == null) {
            throw new IllegalStateException("JDBC store used outside a unit of work: use it only inside "
                    + "inTransaction or read, on the thread running the unit");
        }
        return unit;
    }

    Unit writing() {
        Unit unit = reading();
        if (unit.readOnly()) {
            throw new IllegalStateException("write inside a read-only unit: use inTransaction, not read");
        }
        if (unit.session().finished()) {
            throw new IllegalStateException("write after the unit's finishing calendar read: a unit that gives "
                    + "CalendarQuery.finishing writes nothing after that read");
        }
        return unit;
    }
}
