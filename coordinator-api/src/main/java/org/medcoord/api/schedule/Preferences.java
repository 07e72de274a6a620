package org.medcoord.api.schedule;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.common.Violations;

/**
 * What the patient or the desk wants from a slot. Sites, times of day and {@code onlyResources}
 * are filters; {@code preferredResources} only changes which resources are chosen first for the
 * same start time. Empty sets mean "no preference".
 *
 * @param sites acceptable sites; a slot qualifies when every assigned resource is at one of them
 * @param onlyResources when not empty, a role for which this set names at least one qualifying
 *     resource is filled only from the set; other roles are not narrowed, so "only dr-b" keeps
 *     every room
 * @param preferredResources resources chosen first when several can fill a role
 * @param timesOfDay acceptable parts of the day for the start time
 * @param zone the zone in which {@code timesOfDay} are read; empty means the zone of the first
 *     candidate resource of the service's first role
 * @since 0.1
 */
public record Preferences(Set<String> sites, Set<ResourceId> onlyResources, Set<ResourceId> preferredResources,
                          Set<TimeOfDay> timesOfDay, Optional<ZoneId> zone) {
    /** No preferences at all. */
    public static final Preferences NONE = new Preferences(Set.of(), Set.of(), Set.of(), Set.of(), Optional.empty());

    /**
     * Validates the parts and copies the sets.
     *
     * @param sites the sites
     * @param onlyResources the allowed resources
     * @param preferredResources the preferred resources
     * @param timesOfDay the times of day
     * @param zone the zone for times of day
     */
    public Preferences {
        Violations v = new Violations();
        v.notNull(sites, "preferences.sites");
        v.notNull(onlyResources, "preferences.onlyResources");
        v.notNull(preferredResources, "preferences.preferredResources");
        v.notNull(timesOfDay, "preferences.timesOfDay");
        v.notNull(zone, "preferences.zone");
        v.throwIfAny();
        sites = Set.copyOf(sites);
        onlyResources = Set.copyOf(onlyResources);
        preferredResources = Set.copyOf(preferredResources);
        timesOfDay = Set.copyOf(timesOfDay);
    }

    /**
     * A copy that accepts only these sites.
     *
     * @param acceptable the sites
     * @return a copy
     */
    public Preferences atSites(String... acceptable) {
        return new Preferences(Set.of(acceptable), onlyResources, preferredResources, timesOfDay, zone);
    }

    /**
     * A copy that uses only these resources.
     *
     * @param resources the resources
     * @return a copy
     */
    public Preferences onlyWith(ResourceId... resources) {
        return new Preferences(sites, Set.of(resources), preferredResources, timesOfDay, zone);
    }

    /**
     * A copy that prefers these resources.
     *
     * @param resources the resources
     * @return a copy
     */
    public Preferences preferring(ResourceId... resources) {
        return new Preferences(sites, onlyResources, Set.of(resources), timesOfDay, zone);
    }

    /**
     * A copy that accepts only these parts of the day, read in a zone.
     *
     * @param inZone the zone
     * @param parts the parts of the day
     * @return a copy
     */
    public Preferences during(ZoneId inZone, TimeOfDay... parts) {
        return new Preferences(sites, onlyResources, preferredResources, Set.of(parts), Optional.of(inZone));
    }
}
