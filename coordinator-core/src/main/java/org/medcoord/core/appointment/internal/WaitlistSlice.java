package org.medcoord.core.appointment.internal;

import java.util.List;
import java.util.Set;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.WaitList;
import org.medcoord.api.common.Feature;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Projections;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.spi.storage.WaitlistStore;

/** The wait list and its offers of freed time. */
public final class WaitlistSlice implements FeatureSlice {
    @Override
    public Feature feature() {
        return WaitList.FEATURE;
    }

    @Override
    public Class<?> facade() {
        return WaitList.class;
    }

    @Override
    public com.google.inject.Module module() {
        return new WaitlistModule();
    }

    @Override
    public Set<Feature> needs() {
        return Set.of(Appointments.FEATURE);
    }

    @Override
    public Set<Class<?>> stores() {
        return Set.of(WaitlistStore.class);
    }

    @Override
    public List<Operation> operations() {
        return WaitlistOperations.ALL;
    }

    @Override
    public void project(Projections.Builder projections) {
        // Wait-list results are appointment types, projected by the appointment feature.
    }
}
