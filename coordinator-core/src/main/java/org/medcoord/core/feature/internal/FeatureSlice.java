package org.medcoord.core.feature.internal;

import java.util.List;
import java.util.Set;
import org.medcoord.api.common.Feature;
import org.medcoord.core.access.internal.Operation;
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
     * The feature's Guice module: binds its services and contributes its facade (a
     * {@link FacadeFactory}) and any booking rules, check-in guard or other extension the features
     * it needs offer. Installed only when the feature is enabled.
     *
     * @return a new module
     */
    com.google.inject.Module module();

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
     * Every operation the feature's facade runs, each with its audit action and permission.
     *
     * @return the operations
     */
    List<Operation> operations();

    /**
     * Declares what callers may see of each result type the feature's facade returns.
     *
     * @param projections where to declare them
     */
    void project(Projections.Builder projections);
}
