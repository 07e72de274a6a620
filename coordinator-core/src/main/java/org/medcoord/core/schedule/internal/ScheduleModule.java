package org.medcoord.core.schedule.internal;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.core.access.internal.AccessControl;
import org.medcoord.core.feature.internal.FacadeFactory;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.core.feature.internal.MedCoord;
import org.medcoord.spi.storage.ScheduleStore;
import org.medcoord.spi.storage.Storage;

/** The schedule feature: its facade. */
public final class ScheduleModule extends AbstractModule {
    /** Scheduling: resources, service types, templates, unavailability; no patient data, so no audited operations. */
    public static final FeatureSlice SLICE = FeatureSlice
            .of(ScheduleAdministration.FEATURE, ScheduleAdministration.class, ScheduleModule::new)
            .storingIn(ScheduleStore.class)
            .projecting(ScheduleProjections::declare);

    @ProvidesIntoSet
    FacadeFactory<?> facade(@MedCoord Storage storage, AccessControl policy) {
        return new FacadeFactory<>(ScheduleAdministration.class, ctx -> new ScheduleService(storage, policy, ctx));
    }
}
