package org.medcoord.spi.storage;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.WeeklyTemplate;

/**
 * Facility data: resources, service types, weekly templates and unavailability.
 *
 * <p><b>Implementation requirements.</b> "Put" replaces by id. Lists are ordered as stated and
 * empty, never null, when nothing matches. A store that supports {@link #version()} changes the
 * version with every write, in the writing unit.
 *
 * @since 0.1
 */
public interface ScheduleStore {
    /**
     * Inserts or replaces a resource.
     *
     * @param resource the resource
     */
    void putResource(Resource resource);

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
     * Inserts or replaces a service type.
     *
     * @param service the service type
     */
    void putService(ServiceType service);

    /**
     * Looks up a service type.
     *
     * @param id the id
     * @return the service type, or empty
     */
    Optional<ServiceType> service(ServiceTypeId id);

    /**
     * Every service type, ordered by id.
     *
     * @return the service types
     */
    List<ServiceType> services();

    /**
     * Adds a weekly template.
     *
     * @param template the template
     */
    void addTemplate(WeeklyTemplate template);

    /**
     * The templates of some resources, in the order they were added.
     *
     * @param resources the resources
     * @return their templates
     */
    List<WeeklyTemplate> templates(Collection<ResourceId> resources);

    /**
     * Adds a period of unavailability.
     *
     * @param unavailability the period
     */
    void addUnavailability(Unavailability unavailability);

    /**
     * The unavailability of some resources overlapping {@code [from, to)}, ordered by start.
     *
     * @param resources the resources
     * @param from the period start
     * @param to the period end
     * @return the periods
     */
    List<Unavailability> unavailability(Collection<ResourceId> resources, Instant from, Instant to);

    /**
     * The version of the facility data, so that callers may cache resources, service types,
     * templates, unavailability and the services' document requirements between units and read
     * only this number to know whether their copy is still current.
     *
     * <p><b>Implementation requirements.</b> Every write through this store (put, add), and every
     * {@link DocumentStore#putRequirement} of the same storage, gives the data a new version
     * inside the writing unit, committed or rolled back with it. A version,
     * once returned, is never again returned for different data: not after the writing unit rolls
     * back, not after a restart, and not from another process sharing the data (so a rolled-back
     * unit must not let its version be reused, for example by drawing versions from a sequence).
     * Two reads in one unit that return the same version saw the same facility data. Thread safe
     * in the same way as the other reads; cheap, since callers read it in every unit that uses
     * facility data. The default returns empty: the store keeps no version, and callers must not
     * cache.
     *
     * @return the current version, or empty when this store keeps none
     * @since 0.1
     */
    default OptionalLong version() {
        return OptionalLong.empty();
    }
}
