package org.medcoord.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.medcoord.api.common.PluginConfigurationException;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.SpiVersion;
import org.medcoord.spi.audit.AuditSink;
import org.medcoord.spi.audit.CheckpointWitness;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.event.DomainEventListener;
import org.medcoord.spi.rule.BookingRule;
import org.medcoord.spi.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins a coordinator runs with, after every contribution was collected and checked.
 *
 * @param ids the plugin ids, in registration order
 * @param storage the one storage
 * @param bookingRules the plugins' booking rules, in registration order
 * @param listeners the plugins' event listeners, in registration order
 * @param keyProvider the one key provider for audit checkpoints, if a plugin gave one
 * @param auditSinks the plugins' audit sinks, in registration order, with unique ids
 * @param witnesses the checkpoint witnesses, the host's then the plugins', with unique ids
 */
public record ResolvedPlugins(List<String> ids, Storage storage, List<BookingRule> bookingRules,
                              List<DomainEventListener> listeners, Optional<KeyProvider> keyProvider,
                              List<AuditSink> auditSinks, List<CheckpointWitness> witnesses) {
    private static final Logger LOG = LoggerFactory.getLogger(ResolvedPlugins.class);
    /** The id of the witness every coordinator keeps in memory for its own process. */
    public static final String PROCESS_WITNESS = "process";
    private static final java.util.regex.Pattern VALID_SINK_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * Copies the lists.
     *
     * @param ids the ids
     * @param storage the storage
     * @param bookingRules the rules
     * @param listeners the listeners
     * @param keyProvider the key provider
     * @param auditSinks the sinks
     * @param witnesses the witnesses
     */
    public ResolvedPlugins {
        ids = List.copyOf(ids);
        bookingRules = List.copyOf(bookingRules);
        listeners = List.copyOf(listeners);
        java.util.Objects.requireNonNull(keyProvider, "keyProvider");
        auditSinks = List.copyOf(auditSinks);
        witnesses = List.copyOf(witnesses);
    }

    /**
     * Collects the plugins' contributions, reporting every problem at once.
     *
     * @param explicit plugins registered by the host, in order
     * @param discoverFrom where to discover more with {@link ServiceLoader}, or null for none
     * @param hostWitnesses checkpoint witnesses the host registered on the builder
     * @return the resolved plugins
     * @throws PluginConfigurationException listing every problem
     */
    public static ResolvedPlugins resolve(List<CoordinatorPlugin> explicit, ClassLoader discoverFrom,
                                          List<CheckpointWitness> hostWitnesses) {
        List<String> problems = new ArrayList<>();
        Throwable firstCause = null;
        List<CoordinatorPlugin> plugins = new ArrayList<>();
        for (int i = 0; i < explicit.size(); i++) {
            if (explicit.get(i) == null) {
                problems.add("plugin #" + (i + 1) + " is null");
            } else {
                plugins.add(explicit.get(i));
            }
        }
        if (discoverFrom != null) {
            Set<Class<?>> registered = new java.util.HashSet<>();
            plugins.forEach(p -> registered.add(p.getClass()));
            try {
                for (ServiceLoader.Provider<CoordinatorPlugin> provider
                        : ServiceLoader.load(CoordinatorPlugin.class, discoverFrom).stream().toList()) {
                    if (registered.contains(provider.type())) {
                        continue;
                    }
                    try {
                        plugins.add(provider.get());
                    } catch (ServiceConfigurationError | RuntimeException e) {
                        problems.add("discovered plugin " + provider.type().getName() + " could not be created: "
                                + e.getClass().getSimpleName());
                        firstCause = firstCause == null ? e : firstCause;
                    }
                }
            } catch (ServiceConfigurationError e) {
                problems.add("plugin discovery failed: " + e.getMessage());
                firstCause = firstCause == null ? e : firstCause;
            }
        }

        Map<String, Integer> seen = new HashMap<>();
        Set<String> ids = new LinkedHashSet<>();
        List<Storage> storages = new ArrayList<>();
        List<String> storageOwners = new ArrayList<>();
        List<BookingRule> rules = new ArrayList<>();
        List<DomainEventListener> listeners = new ArrayList<>();
        List<KeyProvider> keyProviders = new ArrayList<>();
        List<String> keyOwners = new ArrayList<>();
        List<AuditSink> sinks = new ArrayList<>();
        Map<String, String> sinkOwners = new HashMap<>();
        List<CheckpointWitness> witnesses = new ArrayList<>();
        Map<String, String> witnessOwners = new HashMap<>();
        for (CheckpointWitness witness : hostWitnesses) {
            addWitness(witness, "the builder", witnesses, witnessOwners, problems);
        }
        boolean loadFailed = false;
        for (CoordinatorPlugin plugin : plugins) {
            String id;
            try {
                id = plugin.id();
            } catch (RuntimeException e) {
                problems.add("plugin " + plugin.getClass().getName() + " failed to report its id: "
                        + e.getClass().getSimpleName());
                firstCause = firstCause == null ? e : firstCause;
                continue;
            }
            if (id == null || id.isBlank()) {
                problems.add("plugin " + plugin.getClass().getName() + " has no id");
                continue;
            }
            if (seen.merge(id, 1, Integer::sum) == 2) {
                problems.add("plugin id '" + id + "' is registered more than once");
                continue;
            } else if (seen.get(id) > 2) {
                continue;
            }
            ids.add(id);
            int version = plugin.spiVersion();
            if (version != SpiVersion.CURRENT) {
                problems.add("plugin '" + id + "' was built for SPI version " + version + " but this MedCoord implements "
                        + SpiVersion.CURRENT);
                continue;
            }
            try {
                List<Storage> provided = List.copyOf(plugin.storages());
                for (Storage s : provided) {
                    storages.add(s);
                    storageOwners.add(id);
                }
                rules.addAll(List.copyOf(plugin.bookingRules()));
                listeners.addAll(List.copyOf(plugin.eventListeners()));
                for (KeyProvider keys : List.copyOf(plugin.keyProviders())) {
                    keyProviders.add(keys);
                    keyOwners.add(id);
                }
                for (AuditSink sink : List.copyOf(plugin.auditSinks())) {
                    String sinkId = sink.id();
                    if (sinkId == null || !VALID_SINK_ID.matcher(sinkId).matches()) {
                        problems.add("plugin '" + id + "' provides an audit sink whose id is not 1 to 64 letters, digits"
                                + " and . _ : -");
                    } else if (sinkOwners.putIfAbsent(sinkId, id) != null) {
                        problems.add("audit sink id '" + sinkId + "' is provided more than once (by "
                                + sinkOwners.get(sinkId) + " and " + id + ")");
                    } else {
                        sinks.add(sink);
                    }
                }
                for (CheckpointWitness witness : List.copyOf(plugin.checkpointWitnesses())) {
                    addWitness(witness, "plugin '" + id + "'", witnesses, witnessOwners, problems);
                }
            } catch (RuntimeException e) {
                problems.add("plugin '" + id + "' failed while loading: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
                firstCause = firstCause == null ? e : firstCause;
                loadFailed = true;
            }
        }
        if (storages.isEmpty() && !loadFailed) {
            // A plugin that failed while loading may have been the storage; its failure says it all.
            problems.add("no storage: register a plugin that provides one, such as MemoryStoragePlugin");
        } else if (storages.size() > 1) {
            problems.add(storages.size() + " storages provided (by " + String.join(", ", storageOwners)
                    + "); exactly one is allowed");
        }
        if (keyProviders.size() > 1) {
            problems.add(keyProviders.size() + " audit key providers provided (by " + String.join(", ", keyOwners)
                    + "); at most one is allowed");
        }
        if (!problems.isEmpty()) {
            for (Storage s : storages) {
                try {
                    s.close();
                } catch (RuntimeException e) {
                    LOG.warn("closing storage {} after a configuration failure failed", s.describe(), e);
                }
            }
            throw new PluginConfigurationException(problems, firstCause);
        }
        return new ResolvedPlugins(List.copyOf(ids), storages.get(0), rules, listeners,
                keyProviders.stream().findFirst(), sinks, witnesses);
    }

    private static void addWitness(CheckpointWitness witness, String owner, List<CheckpointWitness> witnesses,
                                   Map<String, String> owners, List<String> problems) {
        String id = witness.id();
        if (id == null || !VALID_SINK_ID.matcher(id).matches()) {
            problems.add(owner + " provides a checkpoint witness whose id is not 1 to 64 letters, digits and . _ : -");
        } else if (PROCESS_WITNESS.equals(id) || owners.putIfAbsent(id, owner) != null) {
            problems.add("checkpoint witness id '" + id + "' is provided more than once (by "
                    + owners.getOrDefault(id, "the coordinator") + " and " + owner + ")");
        } else {
            witnesses.add(witness);
        }
    }
}
