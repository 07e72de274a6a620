package org.medcoord.spi;

import java.util.List;
import org.medcoord.spi.audit.AuditSink;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.event.DomainEventListener;
import org.medcoord.spi.rule.BookingRule;
import org.medcoord.spi.storage.Storage;

/**
 * What a plugin contributes to a coordinator: storage, booking rules, and in later versions
 * gateways, channels and sinks. The one type MedCoord looks up with
 * {@link java.util.ServiceLoader}, and only when the host opts in; explicit registration with
 * {@code Coordinators.builder().plugin(...)} is the primary path.
 *
 * <p>Every contribution method has a default that returns an empty list, so a plugin overrides
 * only what it provides and new ports never break existing plugins.
 *
 * <p><b>Implementation requirements.</b> A public no-argument constructor that does no work
 * (discovery instantiates every plugin on the class path). Contribution methods are called once,
 * while the coordinator is built, from one thread; they may do work such as opening a pool and
 * may throw, in which case the coordinator reports the failure with the plugin's id.
 *
 * @since 0.1
 */
public interface CoordinatorPlugin {
    /**
     * A stable, unique id, for example {@code medcoord-memory}.
     *
     * @return the id
     */
    String id();

    /**
     * The SPI version the plugin was built against.
     *
     * @return normally {@link SpiVersion#CURRENT} at the plugin's build time
     */
    default int spiVersion() {
        return SpiVersion.CURRENT;
    }

    /**
     * Storage this plugin provides. A coordinator needs exactly one storage across all plugins.
     *
     * @return the storages, normally none or one
     */
    default List<Storage> storages() {
        return List.of();
    }

    /**
     * Booking rules this plugin adds to the chain, run after the built-in rules in plugin
     * registration order.
     *
     * @return the rules
     */
    default List<BookingRule> bookingRules() {
        return List.of();
    }

    /**
     * Listeners that receive domain events from the outbox.
     *
     * @return the listeners
     */
    default List<DomainEventListener> eventListeners() {
        return List.of();
    }

    /**
     * Key providers that sign checkpoints of the audit chain. A coordinator uses at most one
     * across all plugins; with none it generates an in-memory key and logs a warning, which suits
     * tests and demos only: checkpoints it signs cannot be verified after a restart, so the audit
     * trail is not tamper-evident across restarts.
     *
     * @return the key providers, normally none or one
     */
    default List<KeyProvider> keyProviders() {
        return List.of();
    }

    /**
     * Sinks that receive audit events once they are sealed into the chain, as FHIR R4
     * {@code AuditEvent} JSON. Sink ids must be unique across all plugins.
     *
     * @return the sinks
     */
    default List<AuditSink> auditSinks() {
        return List.of();
    }

    /**
     * Witnesses that keep every signed audit checkpoint outside the database, so that a store
     * rolled back or restored from an older copy is detected. Witness ids must be unique across
     * all plugins.
     *
     * @return the witnesses
     * @since 0.1
     */
    default List<CheckpointWitness> checkpointWitnesses() {
        return List.of();
    }
}
