package org.medcoord.api.schedule;

import java.time.ZoneId;
import java.util.Set;
import org.medcoord.api.common.Identifiers;
import org.medcoord.api.common.Violations;

/**
 * A bookable resource.
 *
 * @param id the id
 * @param kind practitioner, location or device
 * @param displayName a short label for schedules, at most 120 characters
 * @param zone the time zone its working templates are written in
 * @param capacity how many claims may overlap at once; 1 for most resources, more for group
 *     rooms or allowed overbooking
 * @param tags what it is good for, matched by {@link ResourceRequirement#tags()}: a specialty
 *     ({@code cardiology}), a modality ({@code mri}), a room type ({@code exam-room})
 * @param site the site or building it is at, matched by location preferences
 * @since 0.1
 */
public record Resource(ResourceId id, ResourceKind kind, String displayName, ZoneId zone, int capacity,
                       Set<String> tags, String site) {
    /** The longest display name accepted. */
    public static final int MAX_NAME = 120;

    /**
     * Validates the parts and copies the tags.
     *
     * @param id the id
     * @param kind the kind
     * @param displayName the label
     * @param zone the zone
     * @param capacity the capacity
     * @param tags the tags
     * @param site the site
     */
    public Resource {
        Violations v = new Violations();
        v.notNull(id, "id");
        v.notNull(kind, "kind");
        v.text(displayName, "displayName", MAX_NAME);
        v.notNull(zone, "zone");
        v.require(capacity >= 1, "capacity", "must be at least 1");
        v.require(capacity <= 1000, "capacity", "must be at most 1000");
        if (v.notNull(tags, "tags")) {
            for (String tag : tags) {
                v.require(tag != null && tag.matches("[A-Za-z0-9._:-]{1,64}"), "tags", "each tag must be an identifier");
            }
        }
        v.text(site, "site", Identifiers.MAX_LENGTH);
        v.throwIfAny();
        tags = Set.copyOf(tags);
    }

    /**
     * A capacity-1 resource.
     *
     * @param id the id
     * @param kind the kind
     * @param displayName the label
     * @param zone the zone
     * @param site the site
     * @param tags the tags
     * @return the resource
     */
    public static Resource of(String id, ResourceKind kind, String displayName, ZoneId zone, String site, String... tags) {
        return new Resource(ResourceId.of(id), kind, displayName, zone, 1, Set.of(tags), site);
    }

    /**
     * The same resource with another capacity.
     *
     * @param newCapacity the capacity
     * @return a copy
     */
    public Resource withCapacity(int newCapacity) {
        return new Resource(id, kind, displayName, zone, newCapacity, tags, site);
    }
}
