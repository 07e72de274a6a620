package org.medcoord.adapter.jdbc.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.Storage;

/**
 * What a storage holds after a run, read in one transaction straight through the SPI (not through
 * the coordinator, whose checks are what is under test): every active claim and every appointment
 * on the given resources.
 */
final class StoredState {
    private static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");

    final List<Claim> claims;
    final Map<AppointmentId, Appointment> appointments;

    private StoredState(List<Claim> claims, Map<AppointmentId, Appointment> appointments) {
        this.claims = claims;
        this.appointments = appointments;
    }

    static StoredState read(Storage storage, List<ResourceId> resources, Instant now) {
        return storage.read(tx -> {
            List<Claim> claims = tx.claims().active(resources, FAR_PAST, FAR_FUTURE, now);
            Map<AppointmentId, Appointment> appointments = new LinkedHashMap<>();
            for (ResourceId r : resources) {
                for (Appointment a : tx.appointments().forResource(r, FAR_PAST, FAR_FUTURE)) {
                    appointments.putIfAbsent(a.id(), a);
                }
            }
            return new StoredState(List.copyOf(claims), appointments);
        });
    }

    /**
     * Every place where more claims cover one instant of a resource than its capacity, described by
     * resource, instant and owners; empty when there is none. Over-capacity claims (privileged
     * overrides) are not counted, as in the engine.
     */
    List<String> overlaps(Function<ResourceId, Integer> capacity) {
        List<String> found = new ArrayList<>();
        Map<ResourceId, List<Claim>> byResource = claims.stream().filter(c -> !c.overCapacity())
                .collect(Collectors.groupingBy(Claim::resource));
        for (Map.Entry<ResourceId, List<Claim>> e : byResource.entrySet()) {
            int limit = capacity.apply(e.getKey());
            List<Claim> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.comparing(Claim::start));
            List<Claim> open = new ArrayList<>();
            for (Claim next : sorted) {
                open.removeIf(c -> !c.end().isAfter(next.start()));
                open.add(next);
                if (open.size() > limit) {
                    found.add(e.getKey() + " at " + next.start() + " (capacity " + limit + "): "
                            + open.stream().map(Claim::owner).toList());
                }
            }
        }
        return found;
    }
}
