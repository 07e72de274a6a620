package org.medcoord.core.document.internal;

import java.util.List;
import java.util.Set;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.common.Feature;
import org.medcoord.api.document.Paperwork;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Projections;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.spi.storage.DocumentStore;

/** Paperwork: consent forms and intake documents, and what each service requires. */
public final class PaperworkSlice implements FeatureSlice {
    @Override
    public Feature feature() {
        return Paperwork.FEATURE;
    }

    @Override
    public Class<?> facade() {
        return Paperwork.class;
    }

    @Override
    public com.google.inject.Module module() {
        return new PaperworkModule();
    }

    @Override
    public Set<Feature> needs() {
        return Set.of(Appointments.FEATURE);
    }

    @Override
    public Set<Class<?>> stores() {
        return Set.of(DocumentStore.class);
    }

    @Override
    public List<Operation> operations() {
        return PaperworkOperations.ALL;
    }

    @Override
    public void project(Projections.Builder projections) {
        PaperworkProjections.declare(projections);
    }
}
