package org.medcoord.spi.storage;

import org.medcoord.api.common.CoordinatorException;

/**
 * Thrown by {@link StorageTransaction#store} for a store port the storage does not keep. The
 * coordinator checks the ports each enabled feature needs against {@link Storage#stores()} when it
 * is built, so a running coordinator meets this only when an adapter answers differently from what
 * it declared.
 *
 * @since 0.1
 */
public final class UnsupportedStoreException extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    /** The port asked for. */
    private final transient Class<?> port;

    /**
     * Creates the exception.
     *
     * @param port the store port asked for
     * @param storage the storage's {@linkplain Storage#describe() description}
     */
    public UnsupportedStoreException(Class<?> port, String storage) {
        super("storage " + storage + " keeps no " + port.getSimpleName() + " (it is not among Storage.stores())");
        this.port = port;
    }

    /**
     * The store port asked for.
     *
     * @return the port
     */
    public Class<?> port() {
        return port;
    }
}
