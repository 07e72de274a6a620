package org.medcoord.spi.storage.support;

/**
 * Which unit of work each thread is running on one storage. Stores ask it for the current unit
 * before every read and write, so a store reached outside a unit, after it, or from another thread
 * is refused.
 *
 * <p>Thread safe: each thread sees only the unit it bound itself.
 *
 * @param <U> the adapter's unit type
 * @since 0.1
 */
public final class UnitBinding<U extends UnitOfWork> {
    private final ThreadLocal<U> current = new ThreadLocal<>();
    private final String adapter;

    /**
     * Creates an empty binding.
     *
     * @param adapter the adapter's name, for error messages, for example {@code memory}
     */
    public UnitBinding(String adapter) {
        this.adapter = adapter;
    }

    /**
     * The unit this thread runs.
     *
     * @return the unit, or {@code null} outside any unit
     */
    public U current() {
        return current.get();
    }

    /**
     * Binds a unit to this thread, or clears the binding.
     *
     * @param unit the unit, or {@code null} to clear
     */
    public void set(U unit) {
        if (unit == null) {
            current.remove();
        } else {
            current.set(unit);
        }
    }

    /**
     * The unit a read runs in.
     *
     * @return the current unit
     * @throws IllegalStateException outside a unit
     */
    public U reading() {
        U unit = current.get();
        if (unit == null) {
            throw new IllegalStateException(adapter + " store used outside a unit of work: use it only inside "
                    + "inTransaction or read, on the thread running the unit");
        }
        return unit;
    }

    /**
     * The unit a write runs in.
     *
     * @return the current unit
     * @throws IllegalStateException outside a unit, in a read-only unit, or after a finishing read
     */
    public U writing() {
        U unit = reading();
        if (unit.readOnly()) {
            throw new IllegalStateException("write inside a read-only unit: writes need a unit started by "
                    + "inTransaction, and not nested inside read");
        }
        if (unit.writesClosed()) {
            throw new IllegalStateException("write after the unit's finishing calendar read: a unit that gives "
                    + "CalendarQuery.finishing writes nothing after that read");
        }
        return unit;
    }
}
