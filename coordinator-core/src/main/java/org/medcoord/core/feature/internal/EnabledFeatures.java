package org.medcoord.core.feature.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medcoord.api.common.Feature;
import org.medcoord.api.common.PluginConfigurationException;
import org.medcoord.spi.storage.Storage;

/**
 * The features a coordinator runs: those the host asked for (every known feature when it named
 * none) and the features they need, each checked against the ports the storage keeps.
 *
 * @param slices the enabled features' slices, in the order the coordinator lists them
 */
public record EnabledFeatures(List<FeatureSlice> slices) {
    /**
     * Copies the list.
     *
     * @param slices the slices
     */
    public EnabledFeatures {
        slices = List.copyOf(slices);
    }

    /**
     * Resolves the features to run.
     *
     * @param known every feature this coordinator has, in order
     * @param always the features every coordinator runs, asked for or not
     * @param asked the features the host asked for; empty for all
     * @param storage the storage
     * @return the enabled features
     * @throws PluginConfigurationException naming every unknown feature and every feature whose
     *     ports the storage does not keep
     */
    public static EnabledFeatures resolve(List<FeatureSlice> known, Set<Feature> always, Set<Feature> asked,
                                          Storage storage) {
        Map<Feature, FeatureSlice> byName = new LinkedHashMap<>();
        known.forEach(slice -> byName.put(slice.feature(), slice));
        List<String> problems = new ArrayList<>();
        Set<Feature> wanted = new LinkedHashSet<>();
        Deque<Feature> pending = new ArrayDeque<>(always);
        pending.addAll(asked.isEmpty() ? byName.keySet() : asked);
        while (!pending.isEmpty()) {
            Feature feature = pending.pop();
            FeatureSlice slice = byName.get(feature);
            if (slice == null) {
                problems.add("feature '" + feature + "' is unknown; known features: " + byName.keySet());
            } else if (wanted.add(feature)) {
                pending.addAll(slice.needs());
            }
        }
        Set<Class<?>> kept = storage.stores();
        List<FeatureSlice> enabled = new ArrayList<>();
        for (FeatureSlice slice : known) {
            if (!wanted.contains(slice.feature())) {
                continue;
            }
            List<String> missing = slice.stores().stream().filter(port -> !kept.contains(port))
                    .map(Class::getSimpleName).sorted().toList();
            if (!missing.isEmpty()) {
                problems.add("feature '" + slice.feature() + "' keeps its data in " + String.join(", ", missing)
                        + ", which storage " + storage.describe() + " does not keep"
                        + (asked.isEmpty() ? "; name the features to run on the builder" : ""));
            }
            enabled.add(slice);
        }
        if (!problems.isEmpty()) {
            throw new PluginConfigurationException(problems, null);
        }
        return new EnabledFeatures(enabled);
    }

    /**
     * Whether a feature runs.
     *
     * @param feature the feature
     * @return true when enabled
     */
    public boolean has(Feature feature) {
        return slices.stream().anyMatch(slice -> slice.feature().equals(feature));
    }
}
