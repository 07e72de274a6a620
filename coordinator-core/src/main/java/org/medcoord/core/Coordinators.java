package org.medcoord.core;

/**
 * Where a host starts:
 *
 * <pre>{@code
 * Coordinator coordinator = Coordinators.builder()
 *         .plugin(new MemoryStoragePlugin())
 *         .clock(Clock.systemUTC())
 *         .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class Coordinators {
    private Coordinators() {
    }

    /**
     * A new builder.
     *
     * @return the builder
     */
    public static CoordinatorBuilder builder() {
        return new CoordinatorBuilder();
    }
}
