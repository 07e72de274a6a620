package org.medcoord.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.support.UnitBinding;

/** Appointments by id, and indexed by patient and by resource in start-then-id order. */
final class MemoryAppointmentStore implements AppointmentStore {
    private final UnitBinding<Unit> units;
    private final Map<AppointmentId, Appointment> byId = new HashMap<>();
    private final Map<PatientId, IntervalIndex<Appointment>> byPatient = new HashMap<>();
    private final Map<ResourceId, IntervalIndex<Appointment>> byResource = new HashMap<>();

    MemoryAppointmentStore(UnitBinding<Unit> units) {
        this.units = units;
    }

    @Override
    public void insert(Appointment appointment) {
        Objects.requireNonNull(appointment, "appointment");
        Unit unit = units.writing();
        if (byId.containsKey(appointment.id())) {
            throw new ConflictException("appointment-exists", "appointment " + appointment.id() + " already exists");
        }
        index(appointment);
        unit.onRollback(() -> unindex(appointment));
    }

    @Override
    public void update(Appointment appointment) {
        Objects.requireNonNull(appointment, "appointment");
        Unit unit = units.writing();
        Appointment stored = byId.get(appointment.id());
        if (stored == null) {
            throw new NotFoundException("appointment", appointment.id().value());
        }
        if (stored.version() != appointment.version() - 1) {
            throw new ConflictException("concurrent-update", "appointment " + appointment.id() + " is at version "
                    + stored.version() + "; an update to version " + appointment.version() + " was refused");
        }
        unindex(stored);
        index(appointment);
        unit.onRollback(() -> {
            unindex(appointment);
            index(stored);
        });
    }

    @Override
    public Optional<Appointment> find(AppointmentId id) {
        Objects.requireNonNull(id, "id");
        units.reading();
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public List<Appointment> forPatient(PatientId patient, Instant from, Instant to) {
        Objects.requireNonNull(patient, "patient");
        units.reading();
        return overlapping(byPatient.get(patient), from, to);
    }

    @Override
    public List<Appointment> forResource(ResourceId resource, Instant from, Instant to) {
        Objects.requireNonNull(resource, "resource");
        units.reading();
        return overlapping(byResource.get(resource), from, to);
    }

    private static List<Appointment> overlapping(IntervalIndex<Appointment> index, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (index == null) {
            return List.of();
        }
        List<Appointment> found = new ArrayList<>();
        for (Appointment a : index.candidates(from, to)) {
            if (a.start().isBefore(to) && from.isBefore(a.end())) {
                found.add(a);
            }
        }
        return Collections.unmodifiableList(found);
    }

    private void index(Appointment a) {
        byId.put(a.id(), a);
        IntervalIndex.Key key = key(a);
        byPatient.computeIfAbsent(a.patient(), p -> new IntervalIndex<>()).put(key, a.end(), a);
        for (ResourceId r : resources(a)) {
            byResource.computeIfAbsent(r, id -> new IntervalIndex<>()).put(key, a.end(), a);
        }
    }

    private void unindex(Appointment a) {
        byId.remove(a.id());
        IntervalIndex.Key key = key(a);
        byPatient.get(a.patient()).remove(key, a.end());
        for (ResourceId r : resources(a)) {
            byResource.get(r).remove(key, a.end());
        }
    }

    private static IntervalIndex.Key key(Appointment a) {
        return new IntervalIndex.Key(a.start(), a.id().value(), 0);
    }

    /** Distinct, since one resource may fill two roles. */
    private static Set<ResourceId> resources(Appointment a) {
        Set<ResourceId> ids = new LinkedHashSet<>();
        for (RoleAssignment assignment : a.resources()) {
            ids.add(assignment.resource());
        }
        return ids;
    }
}
