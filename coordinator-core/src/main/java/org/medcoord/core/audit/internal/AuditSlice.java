package org.medcoord.core.audit.internal;

import java.util.List;
import java.util.Set;
import org.medcoord.api.audit.AuditTrail;
import org.medcoord.api.common.Feature;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Projections;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.OutboxStore;

/** The audit trail and the outbox of domain events, which every coordinator runs. */
public final class AuditSlice implements FeatureSlice {
    @Override
    public Feature feature() {
        return AuditTrail.FEATURE;
    }

    @Override
    public Class<?> facade() {
        return AuditTrail.class;
    }

    @Override
    public com.google.inject.Module module() {
        return new AuditModule();
    }

    @Override
    public Set<Feature> needs() {
        return Set.of();
    }

    @Override
    public Set<Class<?>> stores() {
        return Set.of(AuditStore.class, OutboxStore.class);
    }

    @Override
    public List<Operation> operations() {
        return AuditOperations.ALL;
    }

    @Override
    public void project(Projections.Builder projections) {
        AuditProjections.declare(projections);
    }
}
