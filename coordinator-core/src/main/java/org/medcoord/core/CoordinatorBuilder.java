package org.medcoord.core;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.ProvisionException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.medcoord.api.Coordinator;
import org.medcoord.api.access.AccessPolicy;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.CoordinatorException;
import org.medcoord.api.common.Feature;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.PluginConfigurationException;
import org.medcoord.core.feature.internal.EnabledFeatures;
import org.medcoord.core.internal.CoordinatorSettings;
import org.medcoord.core.internal.DefaultCoordinator;
import org.medcoord.core.internal.ResolvedPlugins;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.event.DomainEventListener;

/**
 * Configures a {@link Coordinator}. Register plugins explicitly (the primary path); opt in to
 * {@link java.util.ServiceLoader} discovery if wanted; set the clock. {@link #build()} checks the
 * whole configuration and reports every problem in one {@link PluginConfigurationException}.
 *
 * <p>Not thread safe; use from one thread, then share the coordinator it builds.
 *
 * @since 0.1
 */
public final class CoordinatorBuilder {
    private final List<CoordinatorPlugin> plugins = new ArrayList<>();
    private ClassLoader discoverFrom;
    private Clock clock = Clock.systemUTC();
    private AccessPolicy accessPolicy = AccessPolicy.standard();
    private final List<DomainEventListener> listeners = new ArrayList<>();
    private final List<CheckpointWitness> witnesses = new ArrayList<>();
    private Duration dispatchInterval;
    private int maxDeliveryAttempts = 8;
    private NodeId node;
    private Duration auditSealInterval = Duration.ofSeconds(5);
    private int checkpointEvery = 10_000;
    private final Set<Feature> features = new LinkedHashSet<>();

    CoordinatorBuilder() {
    }

    /**
     * Registers a plugin. Plugins contribute in registration order.
     *
     * @param plugin the plugin
     * @return this builder
     */
    public CoordinatorBuilder plugin(CoordinatorPlugin plugin) {
        plugins.add(plugin);
        return this;
    }

    /**
     * Also discovers plugins with {@link java.util.ServiceLoader} from a class loader. Plugins of a
     * class already registered explicitly are skipped.
     *
     * @param classLoader where to look
     * @return this builder
     */
    public CoordinatorBuilder discoverPlugins(ClassLoader classLoader) {
        this.discoverFrom = Objects.requireNonNull(classLoader, "classLoader");
        return this;
    }

    /**
     * Sets the access policy: who may do what for which purpose, facility scoping and
     * break-the-glass. Defaults to {@link AccessPolicy#standard()}.
     *
     * @param policy the policy
     * @return this builder
     */
    public CoordinatorBuilder accessPolicy(AccessPolicy policy) {
        this.accessPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Sets the clock every time-dependent decision reads. Defaults to {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public CoordinatorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Registers a listener for domain events, delivered at least once from the outbox after the
     * listeners plugins contribute.
     *
     * @param listener the listener
     * @return this builder
     */
    public CoordinatorBuilder listener(DomainEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Registers a witness that keeps every signed audit checkpoint outside the database, so that a
     * store rolled back or restored from an older copy is detected by
     * {@link org.medcoord.api.audit.AuditTrail#verify()}; see
     * {@link org.medcoord.core.audit.CheckpointWitnesses}. Witnesses plugins contribute are added
     * after these.
     *
     * @param witness the witness
     * @return this builder
     */
    public CoordinatorBuilder checkpointWitness(CheckpointWitness witness) {
        witnesses.add(Objects.requireNonNull(witness, "witness"));
        return this;
    }

    /**
     * Delivers events in the background, one pass every {@code interval}, on a daemon thread that
     * {@link Coordinator#close()} stops. Without it, events are delivered when the host calls
     * {@code coordinator.events().deliverDue()}.
     *
     * @param interval the pause between passes, at least 1 ms
     * @return this builder
     */
    public CoordinatorBuilder dispatchEvery(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw InvalidRequestException.of("dispatchInterval", "must be positive");
        }
        this.dispatchInterval = interval;
        return this;
    }

    /**
     * How many failed deliveries an event gets before it is parked. Defaults to 8.
     *
     * @param attempts 1 to 100
     * @return this builder
     */
    public CoordinatorBuilder maxDeliveryAttempts(int attempts) {
        if (attempts < 1 || attempts > 100) {
            throw InvalidRequestException.of("maxDeliveryAttempts", "must be between 1 and 100");
        }
        this.maxDeliveryAttempts = attempts;
        return this;
    }

    /**
     * Names this application node in every audit record ("where" the call was served). Defaults
     * to the local host name, or {@code node-1} when it cannot be found.
     *
     * @param node the node id
     * @return this builder
     */
    public CoordinatorBuilder node(NodeId node) {
        this.node = Objects.requireNonNull(node, "node");
        return this;
    }

    /**
     * How often audit records are sealed into the hash chain in the background, on a daemon
     * thread that {@link Coordinator#close()} stops after a last pass. Defaults to 5 seconds.
     * Records are also sealed after every 1,000 records this coordinator appends, and whenever the
     * audit trail is verified or queried.
     *
     * @param interval the pause between passes, at least 1 ms
     * @return this builder
     */
    public CoordinatorBuilder sealAuditEvery(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw InvalidRequestException.of("auditSealInterval", "must be positive");
        }
        this.auditSealInterval = interval;
        return this;
    }

    /**
     * How many sealed audit events between two signed checkpoints. Defaults to 10,000; a
     * checkpoint is also signed whenever the trail is verified.
     *
     * @param events 1 to 10,000,000
     * @return this builder
     */
    public CoordinatorBuilder checkpointEvery(int events) {
        if (events < 1 || events > 10_000_000) {
            throw InvalidRequestException.of("checkpointEvery", "must be between 1 and 10000000");
        }
        this.checkpointEvery = events;
        return this;
    }

    /**
     * Runs only these features, with the features they need, instead of every feature. A storage
     * that keeps only some features' data (see {@link org.medcoord.spi.storage.Storage#stores()})
     * runs a coordinator built with those features; building with a feature whose data the storage
     * does not keep fails, naming the feature. The audit trail always runs. Each feature's constant
     * is on its facade, for example {@link org.medcoord.api.appointment.Appointments#FEATURE}; a
     * session's facade of a feature not enabled throws
     * {@link org.medcoord.api.common.FeatureUnavailableException}.
     *
     * @param enabled the features to run
     * @return this builder
     */
    public CoordinatorBuilder features(Feature... enabled) {
        for (int i = 0; i < enabled.length; i++) {
            if (enabled[i] == null) {
                throw InvalidRequestException.of("features[" + i + "]", "must not be null");
            }
            features.add(enabled[i]);
        }
        return this;
    }

    /**
     * Builds the coordinator.
     *
     * @return the coordinator; close it when the host stops
     * @throws PluginConfigurationException listing every configuration problem
     */
    public Coordinator build() {
        CoordinatorModule module = module();
        try {
            return Guice.createInjector(module).getInstance(Coordinator.class);
        } catch (CreationException | ProvisionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CoordinatorException known) {
                throw known;
            }
            throw new PluginConfigurationException(List.of("the coordinator could not be wired: "
                    + e.getClass().getSimpleName()), e);
        }
    }

    /**
     * Checks the configuration and returns a Guice module exposing {@link Coordinator}, for hosts
     * with their own injector.
     *
     * @return the module
     * @throws PluginConfigurationException listing every configuration problem
     */
    public CoordinatorModule module() {
        ResolvedPlugins resolved = ResolvedPlugins.resolve(plugins, discoverFrom, witnesses);
        EnabledFeatures enabled;
        try {
            enabled = DefaultCoordinator.features(features, resolved.storage());
        } catch (RuntimeException e) {
            resolved.storage().close();
            throw e;
        }
        return new CoordinatorModule(resolved, enabled,
                new CoordinatorSettings(clock, listeners, dispatchInterval, maxDeliveryAttempts, accessPolicy,
                        node != null ? node : NodeId.localHost(), auditSealInterval, checkpointEvery));
    }
}
