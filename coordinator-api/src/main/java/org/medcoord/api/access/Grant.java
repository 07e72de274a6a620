package org.medcoord.api.access;

import java.util.EnumSet;
import java.util.Set;
import org.medcoord.api.common.Violations;

/**
 * One cell of an {@link AccessPolicy}: users with {@code role}, calling for {@code purpose}, may use
 * {@code category} in the given modes.
 *
 * @param role the role
 * @param purpose the purpose of use
 * @param category the data category
 * @param modes the allowed modes, at least one
 * @since 0.1
 */
public record Grant(Role role, Purpose purpose, DataCategory category, Set<AccessMode> modes) {
    /**
     * Validates the grant.
     *
     * @throws org.medcoord.api.common.InvalidRequestException naming the missing field
     */
    public Grant {
        Violations v = new Violations();
        v.notNull(role, "role");
        v.notNull(purpose, "purpose");
        v.notNull(category, "category");
        if (v.notNull(modes, "modes")) {
            v.require(!modes.isEmpty(), "modes", "must name at least one mode");
        }
        v.throwIfAny();
        modes = Set.copyOf(EnumSet.copyOf(modes));
    }
}
