package org.medcoord.core.schedule.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Preferences;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.TimeOfDay;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.CalendarRead;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * Finds bookable options for a service: loads the calendar of every candidate resource for the
 * range in one pass over the storage, builds free maps and runs the {@link SlotEngine}.
 */
public final class SlotFinder {

    /**
     * What to search.
     *
     * @param service the service type
     * @param patient the patient, whose own appointments a search avoids
     * @param from the earliest start
     * @param to the latest start, exclusive
     * @param preferences filters and preferences
     * @param limit the most options
     * @param ignoring an appointment whose claims and time do not count (when moving it)
     * @param fixed resources the caller chose, one per role, or empty to let the search choose
     * @param mode a search for options, or a check of one booking
     */
    public record Spec(ServiceType service, PatientId patient, Instant from, Instant to, Preferences preferences,
                       int limit, Optional<AppointmentId> ignoring, List<RoleAssignment> fixed,
                       Mode mode) {
        /**
         * Copies the fixed list.
         *
         * @param service the service
         * @param patient the patient
         * @param from the from
         * @param to the to
         * @param preferences the preferences
         * @param limit the limit
         * @param ignoring the ignored appointment
         * @param fixed the fixed resources
         * @param mode the mode
         */
        public Spec {
            fixed = List.copyOf(fixed);
        }
    }

    /** What a search is for. */
    public enum Mode {
        /**
         * Options for a patient: starts on the service's slot step, avoiding the patient's own
         * appointments, within the service's notice and horizon.
         */
        SEARCH,
        /**
         * A check of one booking: any start on the calendar grid; patient, notice and horizon are
         * left to the booking rules.
         */
        CHECK,
        /** As {@link #CHECK}, but existing claims do not count: a capacity override. */
        CHECK_OVER_CAPACITY,
        /**
         * As {@link #SEARCH}, but any start on the calendar grid qualifies: offering a freed
         * time that a desk booked off the service's slot step.
         */
        OFFER
    }

    private SlotFinder() {
    }

    /**
     * A patient's appointments to read together with the claims, for the booking rules.
     *
     * @param patient the patient
     * @param from the period start
     * @param to the period end
     */
    public record PatientWindow(PatientId patient, Instant from, Instant to) {
    }

    /**
     * A patient's appointments as read with the claims, and the schedule version read with them.
     *
     * @param window what was read
     * @param appointments what {@code forPatient} returned for it, in its order
     * @param scheduleVersion the store's schedule version read in the same unit, or empty when the
     *     store keeps none
     */
    public record PatientAppointments(PatientWindow window, List<Appointment> appointments,
                                      OptionalLong scheduleVersion) {
        /**
         * Copies the list.
         *
         * @param window the window
         * @param appointments the appointments
         * @param scheduleVersion the schedule version, or empty
         */
        public PatientAppointments {
            appointments = List.copyOf(appointments);
        }
    }

    /**
     * What a search found.
     *
     * @param options the options, ranked
     * @param patientAppointments the appointments read for the rules, when asked for and read
     */
    public record Found(List<SlotOption> options, Optional<PatientAppointments> patientAppointments) {
    }

    /**
     * Runs a search, reading facility data from the transaction's store.
     *
     * @param tx the transaction to read from
     * @param spec what to search
     * @param now the current time
     * @return the options, ranked
     */
    public static List<SlotOption> find(StorageTransaction tx, Spec spec, Instant now) {
        return find(tx, Facility.live(tx.schedule()), spec, now, Optional.empty(), new Reads(false));
    }

    /**
     * Runs a search on cached facility data.
     *
     * @param tx the transaction to read from
     * @param facilities the cache
     * @param spec what to search
     * @param now the current time
     * @return the options, ranked
     */
    public static List<SlotOption> find(StorageTransaction tx, FacilityCache facilities, Spec spec, Instant now) {
        return search(tx, facilities, spec, now, Optional.empty()).options();
    }

    /**
     * Runs a search on cached facility data as the unit's last step that matters to its writes:
     * its calendar read is {@linkplain CalendarQuery#finishing() finishing}, so the storage may
     * commit what the unit wrote before it (the call's audit record) together with the read. A
     * search that needs no claims (an empty range, a role no resource fills) still makes a
     * finishing read, of the schedule version alone, to confirm the cached facility data. The unit
     * must write nothing afterwards; reading is allowed (a search run again on fresh facility
     * data, for one).
     *
     * @param tx the transaction to read from
     * @param facilities the cache
     * @param spec what to search
     * @param now the current time
     * @return the options, ranked
     */
    public static List<SlotOption> findFinishing(StorageTransaction tx, FacilityCache facilities, Spec spec,
                                                 Instant now) {
        Reads reads = new Reads(true);
        List<SlotOption> options = find(tx, facilities.of(tx), spec, now, Optional.empty(), reads);
        facilities.confirm(tx, reads.version);
        return options;
    }

    /**
     * Runs a search on cached facility data, reading a patient's appointments for the booking
     * rules in the same read as the claims.
     *
     * @param tx the transaction to read from
     * @param facilities the cache
     * @param spec what to search
     * @param now the current time
     * @param forRules the patient's appointments to read as well, used only in a check
     * @return the options, and the appointments when they were read
     */
    public static Found search(StorageTransaction tx, FacilityCache facilities, Spec spec, Instant now,
                               Optional<PatientWindow> forRules) {
        Reads reads = new Reads(false);
        List<SlotOption> options = find(tx, facilities.of(tx), spec, now, forRules, reads);
        facilities.confirm(tx, reads.version);
        return new Found(options, Optional.ofNullable(reads.patient));
    }

    /** What one search read besides facility data, and whether its read is the unit's finishing one. */
    private static final class Reads {
        private final boolean finishing;
        private OptionalLong version;
        private PatientAppointments patient;

        Reads(boolean finishing) {
            this.finishing = finishing;
        }

        /** Reads the calendar, as the unit's finishing read when asked. */
        CalendarRead calendar(StorageTransaction tx, CalendarQuery query) {
            CalendarRead read = tx.calendar(finishing ? query.asFinishing() : query);
            version = read.scheduleVersion();
            return read;
        }

        /** Nothing to read but, in a finishing search, the version that confirms the facility data. */
        List<SlotOption> none(StorageTransaction tx, Spec spec, Instant now) {
            if (finishing) {
                calendar(tx, new CalendarQuery(List.of(), spec.from(), spec.to(), now, Optional.empty(), spec.from(),
                        spec.to()));
            }
            return List.of();
        }
    }

    private static List<SlotOption> find(StorageTransaction tx, Facility facility, Spec spec, Instant now,
                                         Optional<PatientWindow> forRules, Reads reads) {
        ServiceType service = spec.service();
        boolean search = spec.mode() == Mode.SEARCH || spec.mode() == Mode.OFFER;
        int step = spec.mode() == Mode.SEARCH ? Granules.count(service.slotStep()) : 1;
        int before = Granules.count(service.bufferBefore());
        int duration = Granules.count(service.duration());
        int after = Granules.count(service.bufferAfter());

        long from = Granules.ceil(spec.from());
        long to = Granules.ceil(spec.to());
        if (search) {
            from = Math.max(from, Granules.ceil(now.plus(service.minimumNotice())));
            to = Math.min(to, Granules.floor(now.plus(service.maximumHorizon())) + 1);
        }
        if (to <= from) {
            return reads.none(tx, spec, now);
        }

        List<List<Resource>> candidates = candidates(facility, service, spec);
        Map<ResourceId, Integer> keys = new java.util.HashMap<>();
        List<Resource> all = new ArrayList<>();
        for (List<Resource> role : candidates) {
            if (role.isEmpty()) {
                return reads.none(tx, spec, now);
            }
            for (Resource r : role) {
                if (keys.putIfAbsent(r.id(), all.size()) == null) {
                    all.add(r);
                }
            }
        }
        long rangeFrom = from - before;
        long rangeTo = to + duration + after;
        Instant rangeStart = Granules.toInstant(rangeFrom);
        Instant rangeEnd = Granules.toInstant(rangeTo);
        List<ResourceId> ids = all.stream().map(Resource::id).toList();
        String ignoredOwner = spec.ignoring().map(id -> "appointment:" + id.value()).orElse(null);
        Instant searchFrom = Granules.toInstant(from);
        Instant searchTo = Granules.toInstant(to);
        Optional<PatientWindow> patientWindow = search && spec.patient() != null
                ? Optional.of(new PatientWindow(spec.patient(), searchFrom.minus(service.duration()),
                        searchTo.plus(service.duration())))
                : forRules;
        // Claims, the patient's appointments and the schedule version: one read, one round trip
        // where the storage can.
        CalendarRead read = reads.calendar(tx, new CalendarQuery(spec.mode() == Mode.CHECK_OVER_CAPACITY ? List.of()
                : ids, rangeStart, rangeEnd, now, patientWindow.map(PatientWindow::patient),
                patientWindow.map(PatientWindow::from).orElse(rangeStart),
                patientWindow.map(PatientWindow::to).orElse(rangeEnd)));
        List<Claim> claims = read.claims().stream().filter(c -> !c.owner().equals(ignoredOwner)).toList();
        if (!search && forRules.isPresent()) {
            reads.patient = new PatientAppointments(forRules.get(), read.patientAppointments(), read.scheduleVersion());
        }
        Map<ResourceId, FreeMap> maps = CalendarBuilder.build(all, facility.templates(ids),
                facility.unavailability(ids, rangeStart, rangeEnd), claims, rangeFrom, rangeTo);

        FreeMap allowed = FreeMap.allFree(from, Math.toIntExact(to - from));
        if (search) {
            avoidPatient(read.patientAppointments(), spec, allowed, service.duration());
        }
        if (!spec.preferences().timesOfDay().isEmpty()) {
            ZoneId zone = spec.preferences().zone().orElse(candidates.get(0).get(0).zone());
            allowed = restrictToTimesOfDay(allowed, spec.preferences().timesOfDay(), zone, from, to);
        }

        List<SlotEngine.Role> roles = new ArrayList<>();
        for (List<Resource> role : candidates) {
            List<SlotEngine.Candidate> list = new ArrayList<>();
            for (Resource r : role) {
                list.add(new SlotEngine.Candidate(keys.get(r.id()), maps.get(r.id())));
            }
            roles.add(new SlotEngine.Role(list));
        }
        List<SlotEngine.Match> matches = SlotEngine.search(new SlotEngine.Request(from, to, step, before, duration, after,
                allowed, roles, spec.limit()));
        List<SlotOption> options = new ArrayList<>(matches.size());
        List<ResourceRequirement> requirements = service.requirements();
        for (SlotEngine.Match m : matches) {
            List<RoleAssignment> assignments = new ArrayList<>(requirements.size());
            for (int i = 0; i < requirements.size(); i++) {
                assignments.add(new RoleAssignment(requirements.get(i).role(), all.get(m.resourceKey(i)).id()));
            }
            Instant start = Granules.toInstant(m.start());
            options.add(new SlotOption(service.id(), start, start.plus(service.duration()), assignments));
        }
        return options;
    }

    /**
     * The resources that may fill each role, in preference order: preferred first, then by id.
     * With fixed resources, each role has exactly its fixed resource.
     *
     * @param facility the facility data
     * @param service the service
     * @param spec the search
     * @return one list per role
     */
    static List<List<Resource>> candidates(Facility facility, ServiceType service, Spec spec) {
        Preferences prefs = spec.preferences();
        List<Resource> resources = facility.resources();
        List<List<Resource>> out = new ArrayList<>();
        for (ResourceRequirement req : service.requirements()) {
            Optional<ResourceId> fixed = spec.fixed().stream().filter(a -> a.role().equals(req.role()))
                    .map(RoleAssignment::resource).findFirst();
            // onlyResources narrows the roles it names resources for: "only dr-b" keeps every room.
            boolean narrowed = !prefs.onlyResources().isEmpty() && resources.stream()
                    .anyMatch(r -> req.matches(r) && prefs.onlyResources().contains(r.id()));
            List<Resource> role = new ArrayList<>();
            for (Resource r : resources) {
                if (fixed.isPresent() ? r.id().equals(fixed.get()) && req.matches(r)
                        : qualifies(r, req, prefs, narrowed)) {
                    role.add(r);
                }
            }
            role.sort(Comparator.comparing((Resource r) -> !prefs.preferredResources().contains(r.id()))
                    .thenComparing(r -> r.id().value()));
            out.add(role);
        }
        return out;
    }

    private static boolean qualifies(Resource r, ResourceRequirement req, Preferences prefs, boolean narrowed) {
        return req.matches(r)
                && (prefs.sites().isEmpty() || prefs.sites().contains(r.site()))
                && (!narrowed || prefs.onlyResources().contains(r.id()));
    }

    private static void avoidPatient(List<Appointment> appointments, Spec spec, FreeMap allowed, Duration duration) {
        long durationMillis = duration.toMillis();
        for (Appointment a : appointments) {
            if (!a.status().claimsResources() || spec.ignoring().map(a.id()::equals).orElse(false)) {
                continue;
            }
            // A start g conflicts when g < end and g + duration > start.
            long first = Math.floorDiv(a.start().toEpochMilli() - durationMillis, Granules.SECONDS * 1000) + 1;
            long last = Math.floorDiv(a.end().toEpochMilli() - 1, Granules.SECONDS * 1000);
            allowed.markBusy(first, last + 1);
        }
    }

    private static FreeMap restrictToTimesOfDay(FreeMap allowed, java.util.Set<TimeOfDay> parts, ZoneId zone,
                                                long from, long to) {
        FreeMap window = new FreeMap(from, Math.toIntExact(to - from));
        LocalDate first = Granules.toInstant(from).atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = Granules.toInstant(to).atZone(zone).toLocalDate().plusDays(1);
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            for (TimeOfDay part : parts) {
                long s = Granules.ceil(ZonedDateTime.of(date, start(part), zone).toInstant());
                long e = part == TimeOfDay.EVENING
                        ? Granules.ceil(date.plusDays(1).atStartOfDay(zone).toInstant())
                        : Granules.ceil(ZonedDateTime.of(date, end(part), zone).toInstant());
                window.markFree(s, e);
            }
        }
        FreeMap out = FreeMap.allFree(from, Math.toIntExact(to - from));
        for (long g = from; g < to; g++) {
            if (!allowed.isFree(g) || !window.isFree(g)) {
                out.markBusy(g, g + 1);
            }
        }
        return out;
    }

    private static LocalTime start(TimeOfDay part) {
        return switch (part) {
            case MORNING -> LocalTime.MIDNIGHT;
            case AFTERNOON -> LocalTime.NOON;
            case EVENING -> LocalTime.of(17, 0);
        };
    }

    private static LocalTime end(TimeOfDay part) {
        return switch (part) {
            case MORNING -> LocalTime.NOON;
            case AFTERNOON -> LocalTime.of(17, 0);
            case EVENING -> LocalTime.MAX;
        };
    }
}
