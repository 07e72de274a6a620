package org.medcoord.core.access.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The projections every feature declared, by exact result type. Immutable and thread-safe. Not
 * API.
 */
public final class Projections {
    private final Map<Class<?>, Projection<?>> byType;

    private Projections(Map<Class<?>, Projection<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    /**
     * A builder to which each feature adds the projections of its result types.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The projection declared for exactly this type.
     *
     * @param type the result's class
     * @param <T> the type
     * @return the projection, or empty when none was declared
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<Projection<T>> of(Class<T> type) {
        return Optional.ofNullable((Projection<T>) byType.get(type));
    }

    /**
     * The types that have a projection.
     *
     * @return the types
     */
    public Set<Class<?>> types() {
        return byType.keySet();
    }

    /** Collects the features' declarations; a type declared twice is a wiring defect. */
    public static final class Builder {
        private final Map<Class<?>, Projection<?>> byType = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Declares what a caller may see of a type.
         *
         * @param type the result type
         * @param projection the projection
         * @param <T> the type
         * @return this builder
         * @throws IllegalStateException when the type already has one
         */
        public <T> Builder add(Class<T> type, Projection<T> projection) {
            if (byType.putIfAbsent(type, projection) != null) {
                throw new IllegalStateException("two projections declared for " + type.getName());
            }
            return this;
        }

        /**
         * Declares types every caller granted the call sees as they are (see
         * {@link Projection#asIs()}).
         *
         * @param types the types
         * @return this builder
         */
        public Builder asIs(Class<?>... types) {
            for (Class<?> type : types) {
                add(type, Projection.asIs());
            }
            return this;
        }

        /**
         * The declarations.
         *
         * @return the projections
         */
        public Projections build() {
            return new Projections(byType);
        }
    }
}
