package org.medcoord.core.feature.internal;

import com.google.inject.Module;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.medcoord.api.common.Feature;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Projections;

/**
 * What a feature brings to a coordinator: its name, its facade, the features it needs, the store
 * ports its data lives behind, its operations, the projections of every result type its facade
 * returns, and its Guice module. Each feature declares one, next to its module, for example:
 *
 * <pre>{@code
 * static final FeatureSlice SLICE = FeatureSlice.of(Appointments.FEATURE, Appointments.class, AppointmentModule::new)
 *         .needing(ScheduleAdministration.FEATURE)
 *         .storingIn(AppointmentStore.class, ClaimStore.class)
 *         .running(AppointmentOperations.ALL)
 *         .projecting(AppointmentProjections::declare);
 * }</pre>
 *
 * <p>The coordinator lists the slices once; that list is the one line a new feature adds.
 *
 * @param feature the feature
 * @param facade the facade interface a session hands out for it
 * @param modules makes the feature's Guice module, which binds its services and contributes its
 *     facade (a {@link FacadeFactory}) and any extension of the features it needs; installed only
 *     when the feature is enabled
 * @param needs the features this one calls into, enabled along with it
 * @param stores the store ports the feature's data lives behind; the storage must keep every one
 * @param operations every operation the facade runs
 * @param projections declares what callers may see of each result type the facade returns
 */
public record FeatureSlice(Feature feature, Class<?> facade, Supplier<? extends Module> modules, Set<Feature> needs,
                           Set<Class<?>> stores, List<Operation> operations,
                           Consumer<Projections.Builder> projections) {
    /**
     * Checks and copies the parts.
     *
     * @param feature the feature
     * @param facade the facade
     * @param modules the module factory
     * @param needs the features needed
     * @param stores the ports
     * @param operations the operations
     * @param projections the projections
     */
    public FeatureSlice {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(facade, "facade");
        Objects.requireNonNull(modules, "modules");
        needs = Set.copyOf(needs);
        stores = Set.copyOf(stores);
        operations = List.copyOf(operations);
        Objects.requireNonNull(projections, "projections");
    }

    /**
     * A feature that needs nothing, keeps nothing, runs nothing and returns nothing yet.
     *
     * @param feature the feature
     * @param facade its facade
     * @param modules makes its module
     * @return the slice
     */
    public static FeatureSlice of(Feature feature, Class<?> facade, Supplier<? extends Module> modules) {
        return new FeatureSlice(feature, facade, modules, Set.of(), Set.of(), List.of(), projections -> { });
    }

    /**
     * The same slice, needing these features.
     *
     * @param features the features needed
     * @return the slice
     */
    public FeatureSlice needing(Feature... features) {
        return new FeatureSlice(feature, facade, modules, Set.of(features), stores, operations, projections);
    }

    /**
     * The same slice, keeping its data behind these ports.
     *
     * @param ports the port interfaces
     * @return the slice
     */
    public FeatureSlice storingIn(Class<?>... ports) {
        return new FeatureSlice(feature, facade, modules, needs, Set.of(ports), operations, projections);
    }

    /**
     * The same slice, running these operations.
     *
     * @param all the operations
     * @return the slice
     */
    public FeatureSlice running(List<Operation> all) {
        return new FeatureSlice(feature, facade, modules, needs, stores, all, projections);
    }

    /**
     * The same slice, declaring its projections with this.
     *
     * @param declare declares the projections
     * @return the slice
     */
    public FeatureSlice projecting(Consumer<Projections.Builder> declare) {
        return new FeatureSlice(feature, facade, modules, needs, stores, operations, declare);
    }

    /**
     * A new instance of the feature's module.
     *
     * @return the module
     */
    public Module module() {
        return modules.get();
    }

    /**
     * Declares the feature's projections.
     *
     * @param builder where to declare them
     */
    public void project(Projections.Builder builder) {
        projections.accept(builder);
    }
}
