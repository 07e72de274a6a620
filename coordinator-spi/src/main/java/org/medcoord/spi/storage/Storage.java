package org.medcoord.spi.storage;

/**
 * Transactional storage for what MedCoord keeps: the store ports of the features it supports
 * ({@link #stores()}).
 *
 * <p><b>Implementation requirements.</b> Thread safe. {@link #inTransaction} runs the work as one
 * atomic unit: when the work returns, everything it wrote is committed and visible to later
 * units; when it throws, nothing it wrote remains and the exception reaches the caller
 * unchanged (adapter failures wrapped in {@link org.medcoord.api.common.AdapterException}). The
 * one exception: writes made before a {@linkplain CalendarQuery#finishing() finishing} calendar
 * read may have been committed with that read, and then remain (all of them) even when the work
 * throws afterwards.
 * Claims must be isolated so that two concurrent units can never both commit claims that
 * together exceed a resource's capacity, even from different processes where the adapter
 * supports several. The {@link StorageTransaction} handed to the work must not be used after
 * the work returns.
 *
 * <p><b>Nesting.</b> A unit started on a thread that is already running a unit of this storage
 * joins it: it sees the outer unit's writes, and its own writes commit only with the outermost
 * unit. When a nested unit's work throws, only the nested unit's own writes are undone (a
 * savepoint) before the exception reaches the caller, so an outer unit that catches it carries on
 * without them. {@link #read} nested in any unit is a read-only view of that unit.
 * {@link #inTransaction} nested in a read-only unit writes nothing: it throws
 * {@link IllegalStateException} either at once (as the shipped adapters do) or at its first write.
 *
 * @since 0.1
 */
public interface Storage extends AutoCloseable {
    /**
     * Runs work as one atomic unit.
     *
     * @param work the work
     * @param <T> the result type
     * @return what the work returned
     */
    <T> T inTransaction(TransactionWork<T> work);

    /**
     * Runs read-only work. Adapters may run it with weaker locking; by default it is a
     * transaction like any other.
     *
     * @param work the work; must not write
     * @param <T> the result type
     * @return what the work returned
     */
    default <T> T read(TransactionWork<T> work) {
        return inTransaction(work);
    }

    /**
     * The store ports this storage keeps: every unit answers each of them from
     * {@link StorageTransaction#find}, and no other. A coordinator refuses to start with a feature
     * whose ports are not all here, naming the feature.
     *
     * @return the port interfaces, for example {@code AppointmentStore.class}
     * @since 0.1
     */
    java.util.Set<Class<?>> stores();

    /**
     * A short description for logs and configuration errors, for example {@code memory}.
     *
     * @return the description
     */
    String describe();

    /** Releases connections and files. Idempotent. */
    @Override
    default void close() {
    }
}
