package org.medcoord.core.feature.internal;

import java.util.Set;
import org.medcoord.api.common.Feature;
import org.medcoord.core.access.internal.Projections;

/**
 * What a feature brings to a coordinator: its name, the features it needs, the store ports its
 * data lives behind, and the projections of every result type its facade returns. Each feature
 * declares one, in its own package; the coordinator lists them once.
 */
public interface FeatureSlice {
    /**
     * The feature.
     *
     * @return its name
     */
    Feature feature();

    /**
     * The facade a session hands out for the feature.
     *
     * @return the facade interface in the feature's api package
     */
    Class<?> facade();

    /**
     * The features this one calls into, enabled along with it.
     *
     * @return the features needed
     */
    Set<Feature> needs();

    /**
     * The store ports the feature's data lives behind; the storage must keep every one.
     *
     * @return the port interfaces
     */
    Set<Class<?>> stores();

    /**
     * Declares what callers may see of each result type the feature's facade returns.
     *
     * @param projections where to declare them
     */
    void project(Projections.Builder projections);
}
