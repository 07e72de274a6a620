package org.medcoord.core.document.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import java.time.Clock;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.document.Paperwork;
import org.medcoord.core.access.internal.AccessControl;
import org.medcoord.core.appointment.internal.CheckInGuard;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.common.internal.CommandValidator;
import org.medcoord.core.common.internal.IdGenerator;
import org.medcoord.core.event.internal.Events;
import org.medcoord.core.feature.internal.FacadeFactory;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.core.feature.internal.MedCoord;
import org.medcoord.spi.rule.BookingRule;
import org.medcoord.spi.storage.DocumentStore;
import org.medcoord.spi.storage.Storage;

/**
 * Paperwork: its facade, the booking rule that asks for a service's required documents, and the
 * check-in guard that holds an arrival while paperwork is outstanding.
 */
public final class PaperworkModule extends AbstractModule {
    /** Paperwork: consent forms and intake documents, and what each service requires. */
    public static final FeatureSlice SLICE = FeatureSlice
            .of(Paperwork.FEATURE, Paperwork.class, PaperworkModule::new)
            .needing(Appointments.FEATURE)
            .storingIn(DocumentStore.class)
            .running(PaperworkOperations.ALL)
            .projecting(PaperworkProjections::declare);

    @Override
    protected void configure() {
        Multibinder.newSetBinder(binder(), BookingRule.class, MedCoord.class).addBinding()
                .toInstance(new PaperworkRule());
        OptionalBinder.newOptionalBinder(binder(), CheckInGuard.class).setBinding().toInstance(new PaperworkGuard());
    }

    @Provides
    @Singleton
    PaperworkService paperwork(@MedCoord Storage storage, @MedCoord Clock clock, CommandValidator validator,
                               IdGenerator ids, AccessControl policy, AuditedCalls calls, Events events) {
        return new PaperworkService(storage, clock, validator, ids, policy, calls, events);
    }

    @ProvidesIntoSet
    FacadeFactory<?> facade(PaperworkService paperwork) {
        return new FacadeFactory<>(Paperwork.class, ctx -> new SessionPaperwork(paperwork, ctx));
    }
}
