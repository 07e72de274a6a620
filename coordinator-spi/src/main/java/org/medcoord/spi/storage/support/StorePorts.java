package org.medcoord.spi.storage.support;

import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The stores of one storage, each under the port it implements: what a unit of work hands out from
 * {@link org.medcoord.spi.storage.StorageTransaction#store}, and what the storage declares in
 * {@link org.medcoord.spi.storage.Storage#stores()}.
 *
 * <p>Immutable and thread safe. A store object is usually shared by every unit of a storage and
 * finds the unit it serves through a {@link UnitBinding}.
 *
 * @since 0.1
 */
public final class StorePorts {
    private final Map<Class<?>, Object> stores;
    private final Set<Class<?>> ports;

    private StorePorts(Map<Class<?>, Object> stores, Set<Class<?>> ports) {
        this.stores = stores;
        this.ports = ports;
    }

    /**
     * Starts an empty registry.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The store registered for a port.
     *
     * @param port the port interface
     * @param <S> the port type
     * @return the store, or {@code null} when none is registered
     */
    public <S> S get(Class<S> port) {
        return port.cast(stores.get(port));
    }

    /**
     * Every registered port, in registration order.
     *
     * @return the ports, unmodifiable
     */
    public Set<Class<?>> ports() {
        return ports;
    }

    /** Collects stores by port. Not thread safe. */
    public static final class Builder {
        private final Map<Class<?>, Object> stores = new IdentityHashMap<>();
        private final Set<Class<?>> ports = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Registers the store for a port.
         *
         * @param port the port interface, for example {@code AppointmentStore.class}
         * @param store the store implementing it
         * @param <S> the port type
         * @return this builder
         * @throws IllegalArgumentException when the port is not an interface or is registered twice
         */
        public <S> Builder add(Class<S> port, S store) {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(store, "store");
            if (!port.isInterface()) {
                throw new IllegalArgumentException("port " + port.getName() + " is not an interface");
            }
            if (stores.putIfAbsent(port, port.cast(store)) != null) {
                throw new IllegalArgumentException("port " + port.getSimpleName() + " is registered twice");
            }
            ports.add(port);
            return this;
        }

        /**
         * The registry.
         *
         * @return the stores registered so far
         */
        public StorePorts build() {
            return new StorePorts(new IdentityHashMap<>(stores), java.util.Collections.unmodifiableSet(new LinkedHashSet<>(ports)));
        }
    }
}
