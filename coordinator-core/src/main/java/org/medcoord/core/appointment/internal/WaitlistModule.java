package org.medcoord.core.appointment.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import jakarta.inject.Inject;
import java.time.Clock;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.WaitList;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.common.internal.CommandValidator;
import org.medcoord.core.common.internal.IdGenerator;
import org.medcoord.core.event.internal.Events;
import org.medcoord.core.feature.internal.FacadeFactory;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.core.feature.internal.MedCoord;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.WaitlistStore;

/** The wait list: its facade, and the offers of freed time booking makes when it runs. */
public final class WaitlistModule extends AbstractModule {
    /** The wait list; its results are appointment types, projected by the appointment feature. */
    public static final FeatureSlice SLICE = FeatureSlice
            .of(WaitList.FEATURE, WaitList.class, WaitlistModule::new)
            .needing(Appointments.FEATURE)
            .storingIn(WaitlistStore.class)
            .running(WaitlistOperations.ALL);

    @Override
    protected void configure() {
        OptionalBinder.newOptionalBinder(binder(), WaitlistOffers.class).setBinding().toProvider(Offering.class)
                .in(Singleton.class);
    }

    @Provides
    @Singleton
    WaitlistService waitlist(@MedCoord Storage storage, @MedCoord Clock clock, CommandValidator validator,
                             IdGenerator ids, AuditedCalls calls, BookingService booking) {
        return new WaitlistService(storage, clock, validator, ids, calls, booking);
    }

    @ProvidesIntoSet
    FacadeFactory<?> facade(WaitlistService waitlist) {
        return new FacadeFactory<>(WaitList.class, ctx -> new SessionWaitList(waitlist, ctx));
    }

    /** Makes the offer maker that offers, replacing the appointment feature's default that offers nothing. */
    static final class Offering implements Provider<WaitlistOffers> {
        private final Storage storage;
        private final Clock clock;
        private final AuditedCalls calls;
        private final Events events;

        @Inject
        Offering(@MedCoord Storage storage, @MedCoord Clock clock, AuditedCalls calls, Events events) {
            this.storage = storage;
            this.clock = clock;
            this.calls = calls;
            this.events = events;
        }

        @Override
        public WaitlistOffers get() {
            return new WaitlistOffers(storage, clock, calls, events);
        }
    }
}
