package org.medcoord.api.schedule;

import org.medcoord.api.common.Violations;

/**
 * Which resource fills which role of a visit.
 *
 * @param role the role name from the service's {@link ResourceRequirement}
 * @param resource the resource
 * @since 0.1
 */
public record RoleAssignment(String role, ResourceId resource) {
    /**
     * Validates the parts.
     *
     * @param role the role
     * @param resource the resource
     */
    public RoleAssignment {
        Violations v = new Violations();
        v.text(role, "role", 64);
        v.notNull(resource, "resource");
        v.throwIfAny();
    }

    /**
     * Creates an assignment.
     *
     * @param role the role
     * @param resource the resource id
     * @return the assignment
     */
    public static RoleAssignment of(String role, String resource) {
        return new RoleAssignment(role, ResourceId.of(resource));
    }
}
