package org.medcoord.core.appointment.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.common.internal.CommandValidator;
import org.medcoord.core.common.internal.IdGenerator;
import org.medcoord.core.event.internal.Events;
import org.medcoord.core.feature.internal.FacadeFactory;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.core.feature.internal.MedCoord;
import org.medcoord.spi.rule.BookingRule;
import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.ClaimStore;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.IdempotencyStore;
import org.medcoord.spi.storage.Storage;

/**
 * The appointment feature: booking and its lifecycle, the built-in booking rules, and the points
 * other features extend it at. A feature adds a booking rule through
 * {@code Multibinder.newSetBinder(binder(), BookingRule.class, MedCoord.class)}, a check-in guard through
 * {@code OptionalBinder.newOptionalBinder(binder(), CheckInGuard.class)}, and offers of freed time
 * through the same for {@link WaitlistOffers}; without them check-in is unguarded and freed time
 * is offered to nobody. Rules run in the order they are bound: the built-in ones first, then the
 * features' in the order the features are installed, then the plugins'.
 */
public final class AppointmentModule extends AbstractModule {
    /** Appointments: the time they claim, holds, and idempotent retries. */
    public static final FeatureSlice SLICE = FeatureSlice
            .of(Appointments.FEATURE, Appointments.class, AppointmentModule::new)
            .needing(ScheduleAdministration.FEATURE)
            .storingIn(AppointmentStore.class, ClaimStore.class, HoldStore.class, IdempotencyStore.class)
            .running(AppointmentOperations.ALL)
            .projecting(AppointmentProjections::declare);

    @Override
    protected void configure() {
        Multibinder<BookingRule> rules = Multibinder.newSetBinder(binder(), BookingRule.class, MedCoord.class);
        BuiltInRules.all().forEach(rule -> rules.addBinding().toInstance(rule));
        OptionalBinder.newOptionalBinder(binder(), CheckInGuard.class).setDefault().toInstance(CheckInGuard.NONE);
        OptionalBinder.newOptionalBinder(binder(), WaitlistOffers.class).setDefault().toInstance(WaitlistOffers.none());
    }

    @Provides
    @Singleton
    RuleChain rules(@MedCoord Set<BookingRule> rules) {
        return new RuleChain(List.copyOf(rules));
    }

    @Provides
    @Singleton
    BookingService booking(@MedCoord Storage storage, @MedCoord Clock clock, CommandValidator validator,
                           IdGenerator ids, RuleChain rules, AuditedCalls calls, Events events,
                           WaitlistOffers offers, CheckInGuard checkIn) {
        return new BookingService(storage, clock, validator, ids, rules, calls, events, offers, checkIn);
    }

    @ProvidesIntoSet
    FacadeFactory<?> facade(BookingService booking) {
        return new FacadeFactory<>(Appointments.class, ctx -> new SessionAppointments(booking, ctx));
    }
}
