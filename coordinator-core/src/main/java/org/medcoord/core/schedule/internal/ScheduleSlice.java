package org.medcoord.core.schedule.internal;

import java.util.List;
import java.util.Set;
import org.medcoord.api.common.Feature;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Projections;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.spi.storage.ScheduleStore;

/** Scheduling: resources, service types, templates, unavailability. */
public final class ScheduleSlice implements FeatureSlice {
    @Override
    public Feature feature() {
        return ScheduleAdministration.FEATURE;
    }

    @Override
    public Class<?> facade() {
        return ScheduleAdministration.class;
    }

    @Override
    public com.google.inject.Module module() {
        return new ScheduleModule();
    }

    @Override
    public Set<Feature> needs() {
        return Set.of();
    }

    @Override
    public Set<Class<?>> stores() {
        return Set.of(ScheduleStore.class);
    }

    @Override
    public List<Operation> operations() {
        return List.of();
    }

    @Override
    public void project(Projections.Builder projections) {
        ScheduleProjections.declare(projections);
    }
}
