package org.medcoord.spi.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.medcoord.api.schedule.Resource;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;
import org.medcoord.spi.storage.TransactionWork;

/**
 * What every contract class shares: a fresh storage per test, closed after it, and short ways to
 * run units of work.
 *
 * @since 0.1
 */
public abstract class ContractSupport {
    private Storage storage;
    private java.util.function.Supplier<Storage> opener;

    /** For subclasses. */
    protected ContractSupport() {
    }

    /**
     * A fresh, empty storage. Called once before each test; the kit closes it after the test. Run
     * through {@link StorageKit}, it is the kit's {@link StorageKit#newStorage()}; a subclass run on
     * its own overrides it.
     *
     * @return the storage
     */
    protected Storage newStorage() {
        if (opener == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " has no storage to test: run it through "
                    + "StorageKit, or override newStorage()");
        }
        return opener.get();
    }

    /** Takes the storages to test from the kit. */
    final void openWith(java.util.function.Supplier<Storage> storages) {
        this.opener = storages;
    }

    /** Opens the storage for the next test. */
    @BeforeEach
    protected final void openContractStorage() {
        storage = Objects.requireNonNull(newStorage(), "newStorage() returned null");
    }

    /** Closes the storage of the last test. */
    @AfterEach
    protected final void closeContractStorage() {
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }

    /**
     * The storage under test.
     *
     * @return the storage
     */
    protected final Storage storage() {
        return storage;
    }

    /**
     * Runs a writing unit.
     *
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    protected final <T> T write(TransactionWork<T> work) {
        return storage.inTransaction(work);
    }

    /**
     * Runs a writing unit that returns nothing.
     *
     * @param work the work
     */
    protected final void update(Consumer<StorageTransaction> work) {
        storage.inTransaction(tx -> {
            work.accept(tx);
            return null;
        });
    }

    /**
     * Runs a read-only unit.
     *
     * @param work the work
     * @param <T> the result type
     * @return the result
     */
    protected final <T> T read(TransactionWork<T> work) {
        return storage.read(work);
    }

    /**
     * Stores resources in one unit.
     *
     * @param resources the resources
     */
    protected final void seed(Resource... resources) {
        update(tx -> {
            for (Resource resource : resources) {
                tx.schedule().putResource(resource);
            }
        });
    }
}
