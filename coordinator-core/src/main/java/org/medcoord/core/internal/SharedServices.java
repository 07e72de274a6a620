package org.medcoord.core.internal;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.medcoord.core.access.internal.AccessControl;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.audit.internal.ChainSealer;
import org.medcoord.core.audit.internal.GeneratedKeyProvider;
import org.medcoord.core.audit.internal.MemoryWitness;
import org.medcoord.core.common.internal.CommandValidator;
import org.medcoord.core.common.internal.IdGenerator;
import org.medcoord.core.event.internal.Events;
import org.medcoord.core.feature.internal.EnabledFeatures;
import org.medcoord.core.feature.internal.FacadeFactory;
import org.medcoord.core.feature.internal.MedCoord;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.rule.BookingRule;
import org.medcoord.spi.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every feature module builds on: the storage, the clock, access control, validation, ids,
 * the audited-call runner, the outbox writer and the audit sealer; and the two sets feature
 * modules contribute to, their facades and booking rules.
 */
final class SharedServices extends AbstractModule {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultCoordinator.class);

    private final ResolvedPlugins plugins;
    private final EnabledFeatures features;
    private final CoordinatorSettings settings;

    SharedServices(ResolvedPlugins plugins, EnabledFeatures features, CoordinatorSettings settings) {
        this.plugins = plugins;
        this.features = features;
        this.settings = settings;
    }

    @Override
    protected void configure() {
        bind(ResolvedPlugins.class).toInstance(plugins);
        bind(EnabledFeatures.class).toInstance(features);
        bind(CoordinatorSettings.class).toInstance(settings);
        bind(Storage.class).annotatedWith(MedCoord.class).toInstance(plugins.storage());
        bind(Clock.class).annotatedWith(MedCoord.class).toInstance(settings.clock());
        bind(CommandValidator.class).in(Singleton.class);
        bind(IdGenerator.class).in(Singleton.class);
        Multibinder.newSetBinder(binder(), new com.google.inject.TypeLiteral<FacadeFactory<?>>() { });
        Multibinder.newSetBinder(binder(), BookingRule.class, MedCoord.class);
    }

    @Provides
    @Singleton
    AccessControl access(@MedCoord Clock clock) {
        return new AccessControl(settings.accessPolicy(), clock, DefaultCoordinator.projections());
    }

    @Provides
    @Singleton
    AuditedCalls calls(@MedCoord Storage storage, @MedCoord Clock clock, AccessControl access) {
        return new AuditedCalls(storage, clock, access, settings.node());
    }

    @Provides
    @Singleton
    Events events(IdGenerator ids) {
        return new Events(ids);
    }

    @Provides
    @Singleton
    ChainSealer sealer(@MedCoord Storage storage, @MedCoord Clock clock) {
        KeyProvider keys = plugins.keyProvider().orElseGet(() -> {
            LOG.warn("NO AUDIT KEY PROVIDER: the audit trail is not tamper-evident across restarts. Checkpoints are "
                    + "signed with a key generated in memory, which no later process knows, so after a restart they "
                    + "are unverifiable. Register a plugin that provides a durable KeyProvider.");
            return new GeneratedKeyProvider();
        });
        if (plugins.witnesses().isEmpty()) {
            LOG.warn("no audit checkpoint witness registered: a rollback of the whole store, checkpoints included, is "
                    + "detected only while this process runs; register one, for example CheckpointWitnesses.file");
        }
        List<CheckpointWitness> witnesses = new ArrayList<>();
        witnesses.add(new MemoryWitness(ResolvedPlugins.PROCESS_WITNESS));
        witnesses.addAll(plugins.witnesses());
        return new ChainSealer(storage, clock, keys, plugins.keyProvider().isPresent(), plugins.auditSinks(),
                witnesses, !plugins.witnesses().isEmpty(), settings.checkpointEvery());
    }
}
