package org.medcoord.core.audit.internal;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.ProvidesIntoSet;
import org.medcoord.api.audit.AuditTrail;
import org.medcoord.core.feature.internal.FacadeFactory;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.core.feature.internal.MedCoord;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.OutboxStore;
import org.medcoord.spi.storage.Storage;

/** The audit trail's facade; the sealer and the audited-call runner are shared services every feature uses. */
public final class AuditModule extends AbstractModule {
    /** The audit trail and the outbox of domain events, which every coordinator runs. */
    public static final FeatureSlice SLICE = FeatureSlice
            .of(AuditTrail.FEATURE, AuditTrail.class, AuditModule::new)
            .storingIn(AuditStore.class, OutboxStore.class)
            .running(AuditOperations.ALL)
            .projecting(AuditProjections::declare);

    @ProvidesIntoSet
    FacadeFactory<?> facade(@MedCoord Storage storage, ChainSealer sealer, AuditedCalls calls) {
        return new FacadeFactory<>(AuditTrail.class, ctx -> new AuditReview(storage, sealer, calls, ctx));
    }
}
