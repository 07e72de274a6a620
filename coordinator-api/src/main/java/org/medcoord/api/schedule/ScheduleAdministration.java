package org.medcoord.api.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.common.Feature;

/**
 * Maintains what can be booked: resources, service types, weekly templates and
 * unavailability. Reached through {@code CoordinatorSession.schedule()}; writes need the
 * {@code administrator} role.
 *
 * <p>These are facility data, not patient data: none of these calls touches PHI.
 *
 * @since 0.1
 */
public interface ScheduleAdministration {
    /** Resources, service types, templates and unavailability, and finding free time. */
    Feature FEATURE = new Feature("schedule");

    /**
     * Creates or replaces a resource.
     *
     * @param resource the resource
     * @return the stored resource
     */
    Resource defineResource(Resource resource);

    /**
     * Creates or replaces a service type. Every role must be fillable by at least one defined
     * resource.
     *
     * @param service the service type
     * @return the stored service type
     * @throws org.medcoord.api.common.InvalidRequestException when a role matches no resource
     */
    ServiceType defineService(ServiceType service);

    /**
     * Adds a weekly template to a resource.
     *
     * @param template the template
     * @throws org.medcoord.api.common.NotFoundException when the resource is unknown
     */
    void addTemplate(WeeklyTemplate template);

    /**
     * Marks a resource unavailable for a period.
     *
     * @param unavailability the period
     * @throws org.medcoord.api.common.NotFoundException when the resource is unknown
     */
    void addUnavailability(Unavailability unavailability);

    /**
     * Marks a whole local day unavailable for several resources, each in its own time zone.
     *
     * @param date the local date
     * @param reasonCode a short code such as {@code new-year}
     * @param resources the resources; all of them must exist
     */
    void addHoliday(LocalDate date, String reasonCode, Set<ResourceId> resources);

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
}
