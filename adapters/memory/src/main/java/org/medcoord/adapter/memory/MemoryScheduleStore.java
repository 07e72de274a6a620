package org.medcoord.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.spi.storage.ScheduleStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Resources and service types by id; templates and unavailability per resource. Every write moves
 * the version on, and so does its rollback.
 */
final class MemoryScheduleStore implements ScheduleStore {
    private final UnitBinding<Unit> units;
    private final TreeMap<String, Resource> resources = new TreeMap<>();
    private final TreeMap<String, ServiceType> services = new TreeMap<>();
    private final Map<ResourceId, List<Numbered<WeeklyTemplate>>> templates = new HashMap<>();
    private final Map<ResourceId, IntervalIndex<Unavailability>> unavailability = new HashMap<>();
    private long nextSeq;
    /** Only ever grows: a rolled-back write moves it on again, so a version is never reused. */
    private long version = 1;

    MemoryScheduleStore(UnitBinding<Unit> units) {
        this.units = units;
    }

    /** The stored resource, for the claim store's capacity check; the caller holds a unit. */
    Optional<Resource> stored(ResourceId id) {
        return Optional.ofNullable(resources.get(id.value()));
    }

    @Override
    public void putResource(Resource resource) {
        Objects.requireNonNull(resource, "resource");
        Unit unit = units.writing();
        String key = resource.id().value();
        Resource previous = resources.put(key, resource);
        unit.onRollback(() -> restore(resources, key, previous));
        changed(unit);
    }

    @Override
    public Optional<Resource> resource(ResourceId id) {
        Objects.requireNonNull(id, "id");
        units.reading();
        return stored(id);
    }

    @Override
    public List<Resource> resources() {
        units.reading();
        return List.copyOf(resources.values());
    }

    @Override
    public void putService(ServiceType service) {
        Objects.requireNonNull(service, "service");
        Unit unit = units.writing();
        String key = service.id().value();
        ServiceType previous = services.put(key, service);
        unit.onRollback(() -> restore(services, key, previous));
        changed(unit);
    }

    @Override
    public Optional<ServiceType> service(ServiceTypeId id) {
        Objects.requireNonNull(id, "id");
        units.reading();
        return Optional.ofNullable(services.get(id.value()));
    }

    @Override
    public List<ServiceType> services() {
        units.reading();
        return List.copyOf(services.values());
    }

    @Override
    public void addTemplate(WeeklyTemplate template) {
        Objects.requireNonNull(template, "template");
        Unit unit = units.writing();
        List<Numbered<WeeklyTemplate>> list = templates.computeIfAbsent(template.resource(), r -> new ArrayList<>());
        list.add(new Numbered<>(nextSeq++, template));
        unit.onRollback(() -> list.remove(list.size() - 1));
        changed(unit);
    }

    @Override
    public List<WeeklyTemplate> templates(Collection<ResourceId> resourceIds) {
        Objects.requireNonNull(resourceIds, "resources");
        units.reading();
        List<Numbered<WeeklyTemplate>> found = new ArrayList<>();
        for (ResourceId id : new LinkedHashSet<>(resourceIds)) {
            found.addAll(templates.getOrDefault(id, List.of()));
        }
        found.sort(Comparator.comparingLong(Numbered::seq));
        return found.stream().map(Numbered::value).toList();
    }

    @Override
    public void addUnavailability(Unavailability period) {
        Objects.requireNonNull(period, "unavailability");
        Unit unit = units.writing();
        IntervalIndex<Unavailability> index = unavailability.computeIfAbsent(period.resource(), r -> new IntervalIndex<>());
        IntervalIndex.Key key = new IntervalIndex.Key(period.start(), "", nextSeq++);
        index.put(key, period.end(), period);
        unit.onRollback(() -> index.remove(key, period.end()));
        changed(unit);
    }

    @Override
    public List<Unavailability> unavailability(Collection<ResourceId> resourceIds, Instant from, Instant to) {
        Objects.requireNonNull(resourceIds, "resources");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        units.reading();
        List<Unavailability> found = new ArrayList<>();
        for (ResourceId id : new LinkedHashSet<>(resourceIds)) {
            IntervalIndex<Unavailability> index = unavailability.get(id);
            if (index != null) {
                for (Unavailability u : index.candidates(from, to)) {
                    if (u.start().isBefore(to) && from.isBefore(u.end())) {
                        found.add(u);
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Unavailability::start).thenComparing(u -> u.resource().value()));
        return List.copyOf(found);
    }

    @Override
    public OptionalLong version() {
        units.reading();
        return OptionalLong.of(version);
    }

    /**
     * Moves the version on in the writing unit, and again if it rolls back: after every write
     * here, and after every document requirement write.
     */
    void changed(Unit unit) {
        version++;
        unit.onRollback(() -> version++);
    }

    private static <V> void restore(Map<String, V> map, String key, V previous) {
        if (previous == null) {
            map.remove(key);
        } else {
            map.put(key, previous);
        }
    }

    /** A value with the order it was added in. */
    private record Numbered<V>(long seq, V value) {
    }
}
