package org.medcoord.core.schedule.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.spi.storage.ScheduleStore;

/**
 * The facility data a search or booking reads: resources, service types, weekly templates and
 * unavailability. Either a snapshot of one schedule version, shared between units by the
 * {@link FacilityCache}, or the store itself when it keeps no version.
 */
public interface Facility {
    /**
     * Looks up a service type.
     *
     * @param id the id
     * @return the service type, or empty
     */
    Optional<ServiceType> service(ServiceTypeId id);

    /**
     * Looks up a resource.
     *
     * @param id the id
     * @return the resource, or empty
     */
    Optional<Resource> resource(ResourceId id);

    /**
     * Every resource, ordered by id.
     *
     * @return the resources
     */
    List<Resource> resources();

    /**
     * The templates of some resources; within one resource in the order they were added.
     *
     * @param resources the resources
     * @return their templates
     */
    List<WeeklyTemplate> templates(Collection<ResourceId> resources);

    /**
     * The unavailability of some resources overlapping {@code [from, to)}.
     *
     * @param resources the resources
     * @param from the period start
     * @param to the period end
     * @return the periods
     */
    List<Unavailability> unavailability(Collection<ResourceId> resources, Instant from, Instant to);

    /**
     * The store itself, read on every call: for stores that keep no schedule version.
     *
     * @param store the store of the running unit
     * @return a view reading through to the store
     */
    static Facility live(ScheduleStore store) {
        return new Facility() {
            @Override
            public Optional<ServiceType> service(ServiceTypeId id) {
                return store.service(id);
            }

            @Override
            public Optional<Resource> resource(ResourceId id) {
                return store.resource(id);
            }

            @Override
            public List<Resource> resources() {
                return store.resources();
            }

            @Override
            public List<WeeklyTemplate> templates(Collection<ResourceId> resources) {
                return store.templates(resources);
            }

            @Override
            public List<Unavailability> unavailability(Collection<ResourceId> resources, Instant from, Instant to) {
                return store.unavailability(resources, from, to);
            }
        };
    }

    /**
     * All facility data of one schedule version, read from the store in one pass. Immutable, so
     * units on any thread may share it.
     *
     * @param version the schedule version the data belongs to
     * @param services the service types by id
     * @param resources the resources, ordered by id
     * @param byId the resources by id
     * @param templates the templates per resource, in the order added
     * @param unavailability the unavailability per resource, ordered by start
     */
    record Snapshot(long version, Map<ServiceTypeId, ServiceType> services, List<Resource> resources,
                    Map<ResourceId, Resource> byId, Map<ResourceId, List<WeeklyTemplate>> templates,
                    Map<ResourceId, List<Unavailability>> unavailability) implements Facility {
        /**
         * Reads everything from a store.
         *
         * @param store the store of the running unit
         * @param version the version the store reported in this unit
         * @return the snapshot
         */
        static Snapshot load(ScheduleStore store, long version) {
            List<Resource> resources = List.copyOf(store.resources());
            Map<ResourceId, Resource> byId = new HashMap<>();
            for (Resource r : resources) {
                byId.put(r.id(), r);
            }
            Map<ServiceTypeId, ServiceType> services = new HashMap<>();
            for (ServiceType s : store.services()) {
                services.put(s.id(), s);
            }
            List<ResourceId> ids = resources.stream().map(Resource::id).toList();
            Map<ResourceId, List<WeeklyTemplate>> templates = new HashMap<>();
            Map<ResourceId, List<Unavailability>> unavailability = new HashMap<>();
            if (!ids.isEmpty()) {
                for (WeeklyTemplate t : store.templates(ids)) {
                    templates.computeIfAbsent(t.resource(), k -> new ArrayList<>()).add(t);
                }
                for (Unavailability u : store.unavailability(ids, Instant.MIN, Instant.MAX)) {
                    unavailability.computeIfAbsent(u.resource(), k -> new ArrayList<>()).add(u);
                }
            }
            templates.replaceAll((k, v) -> List.copyOf(v));
            unavailability.replaceAll((k, v) -> List.copyOf(v));
            return new Snapshot(version, Map.copyOf(services), resources, Map.copyOf(byId), Map.copyOf(templates),
                    Map.copyOf(unavailability));
        }

        @Override
        public Optional<ServiceType> service(ServiceTypeId id) {
            return Optional.ofNullable(services.get(id));
        }

        @Override
        public Optional<Resource> resource(ResourceId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<WeeklyTemplate> templates(Collection<ResourceId> ids) {
            List<WeeklyTemplate> out = new ArrayList<>();
            for (ResourceId id : new LinkedHashSet<>(ids)) {
                out.addAll(templates.getOrDefault(id, List.of()));
            }
            return out;
        }

        @Override
        public List<Unavailability> unavailability(Collection<ResourceId> ids, Instant from, Instant to) {
            List<Unavailability> out = new ArrayList<>();
            for (ResourceId id : new LinkedHashSet<>(ids)) {
                for (Unavailability u : unavailability.getOrDefault(id, List.of())) {
                    if (u.start().isBefore(to) && from.isBefore(u.end())) {
                        out.add(u);
                    }
                }
            }
            out.sort(Comparator.comparing(Unavailability::start));
            return out;
        }
    }
}
