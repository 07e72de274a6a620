package org.medcoord.example.hostguice;

import com.google.inject.AbstractModule;
import com.google.inject.Singleton;
import java.time.Clock;
import org.medcoord.adapter.memory.MemoryStoragePlugin;
import org.medcoord.core.Coordinators;

/**
 * The host's own wiring: its services, and MedCoord installed as one module that exposes only
 * {@link org.medcoord.api.Coordinator}. The builder checks the configuration when the module is
 * made, so a bad configuration fails here, before the injector is created.
 */
public final class HostModule extends AbstractModule {
    private final Clock clock;

    /**
     * Wires the host on a clock.
     *
     * @param clock the clock every time-dependent decision reads
     */
    public HostModule(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void configure() {
        bind(Clock.class).toInstance(clock);
        install(Coordinators.builder().plugin(new MemoryStoragePlugin()).clock(clock).module());
        bind(FrontDesk.class).in(Singleton.class);
    }
}
