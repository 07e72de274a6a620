package org.medcoord.core.appointment.internal;

import java.util.List;
import java.util.Set;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.common.Feature;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Projections;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.ClaimStore;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.IdempotencyStore;

/** Appointments: the time they claim, holds, and idempotent retries. */
public final class AppointmentSlice implements FeatureSlice {
    @Override
    public Feature feature() {
        return Appointments.FEATURE;
    }

    @Override
    public Class<?> facade() {
        return Appointments.class;
    }

    @Override
    public com.google.inject.Module module() {
        return new AppointmentModule();
    }

    @Override
    public Set<Feature> needs() {
        return Set.of(ScheduleAdministration.FEATURE);
    }

    @Override
    public Set<Class<?>> stores() {
        return Set.of(AppointmentStore.class, ClaimStore.class, HoldStore.class, IdempotencyStore.class);
    }

    @Override
    public List<Operation> operations() {
        return AppointmentOperations.ALL;
    }

    @Override
    public void project(Projections.Builder projections) {
        AppointmentProjections.declare(projections);
    }
}
