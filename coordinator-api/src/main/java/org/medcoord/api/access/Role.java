package org.medcoord.api.access;

import org.medcoord.api.common.Identifiers;

/**
 * A role the host grants a user. Hosts may define their own; the constants are the roles
 * MedCoord's default policy knows.
 *
 * @param name the role name, see {@link Identifiers}
 * @since 0.1
 */
public record Role(String name) {
    /** Front-desk and scheduling staff. */
    public static final Role SCHEDULER = new Role("scheduler");
    /** Physicians, nurses and other clinical staff. */
    public static final Role CLINICIAN = new Role("clinician");
    /** Supervisors allowed privileged operations: status resets, overbooking overrides. */
    public static final Role SUPERVISOR = new Role("supervisor");
    /** Administrators who configure resources, services and templates. */
    public static final Role ADMINISTRATOR = new Role("administrator");
    /** Privacy officers who verify the audit trail and run its compliance queries. */
    public static final Role PRIVACY_OFFICER = new Role("privacy-officer");

    /**
     * Validates the name.
     *
     * @param name the role name
     */
    public Role {
        Identifiers.check("role", name);
    }

    /**
     * Creates a role.
     *
     * @param name the role name
     * @return the role
     */
    public static Role of(String name) {
        return new Role(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
