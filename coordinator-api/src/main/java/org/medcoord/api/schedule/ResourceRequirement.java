package org.medcoord.api.schedule;

import java.util.Set;
import org.medcoord.api.common.Violations;

/**
 * One resource a visit needs, under a role name: a consult needs a {@code specialist}
 * (practitioner tagged {@code cardiology}) and an {@code exam-room} (location tagged
 * {@code exam-room}). A resource qualifies when its kind matches and it carries every tag.
 *
 * @param role the role name within the visit, unique within a service type
 * @param kind the kind of resource
 * @param tags tags the resource must all carry; empty means any resource of the kind
 * @since 0.1
 */
public record ResourceRequirement(String role, ResourceKind kind, Set<String> tags) {
    /**
     * Validates the parts and copies the tags.
     *
     * @param role the role
     * @param kind the kind
     * @param tags the tags
     */
    public ResourceRequirement {
        Violations v = new Violations();
        v.require(role != null && role.matches("[A-Za-z0-9._:-]{1,64}"), "role", "must be an identifier");
        v.notNull(kind, "kind");
        v.notNull(tags, "tags");
        v.throwIfAny();
        tags = Set.copyOf(tags);
    }

    /**
     * Creates a requirement.
     *
     * @param role the role name
     * @param kind the kind
     * @param tags the tags
     * @return the requirement
     */
    public static ResourceRequirement of(String role, ResourceKind kind, String... tags) {
        return new ResourceRequirement(role, kind, Set.of(tags));
    }

    /**
     * Whether a resource can fill this role.
     *
     * @param resource the resource
     * @return {@code true} when kind matches and all tags are present
     */
    public boolean matches(Resource resource) {
        return resource.kind() == kind && resource.tags().containsAll(tags);
    }
}
