package org.medcoord.api.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A bookable option: a start and end time with one resource for each role of the service.
 * Buffers are not included in {@code start}/{@code end}; they are held around them.
 *
 * @param service the service type
 * @param start the visit start
 * @param end the visit end
 * @param resources one assignment per role, in the service's role order
 * @since 0.1
 */
public record SlotOption(ServiceTypeId service, Instant start, Instant end, List<RoleAssignment> resources) {
    /**
     * Validates the parts and copies the assignments.
     *
     * @param service the service
     * @param start the start
     * @param end the end
     * @param resources the assignments
     */
    public SlotOption {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        resources = List.copyOf(resources);
    }

    /**
     * The resource filling a role.
     *
     * @param role the role name
     * @return the resource
     * @throws IllegalArgumentException when the service has no such role
     */
    public ResourceId resource(String role) {
        return resources.stream().filter(a -> a.role().equals(role)).map(RoleAssignment::resource).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no role " + role));
    }
}
