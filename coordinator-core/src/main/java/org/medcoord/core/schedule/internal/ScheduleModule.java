package org.medcoord.core.schedule.internal;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.core.access.internal.AccessControl;
import org.medcoord.core.feature.internal.FacadeFactory;
import org.medcoord.core.feature.internal.MedCoord;
import org.medcoord.spi.storage.Storage;

/** The schedule feature: its facade. */
public final class ScheduleModule extends AbstractModule {
    @ProvidesIntoSet
    FacadeFactory<?> facade(@MedCoord Storage storage, AccessControl policy) {
        return new FacadeFactory<>(ScheduleAdministration.class, ctx -> new ScheduleService(storage, policy, ctx));
    }
}
