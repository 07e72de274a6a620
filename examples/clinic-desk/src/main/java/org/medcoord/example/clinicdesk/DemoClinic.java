package org.medcoord.example.clinicdesk;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.WeeklyTemplate;

/**
 * The demo clinic every clinic-desk command works against: a coordinator on durable storage (an embedded H2 file, or PostgreSQL)
 * and a fixed clock, with a small clinic set up in it.
 *
 * <p>Two sites: the main campus has two cardiologists, two cardiology exam rooms, two MRI
 * technologists, an MRI scanner and the MRI suite; the east clinic has a dermatologist and a
 * dermatology room. Weekly templates are written in local time in America/New_York, and Good
 * Friday (2027-03-26) is a holiday for every resource.
 *
 * <p>The desk clock stands still on Friday 2027-03-12 at 09:00 EST, the last working day before
 * clocks go forward (Sunday 2027-03-14); the scripted clinic day is the Monday after,
 * 2027-03-15, the first working day on EDT.
 *
 * <p>Each instance is fresh and independent; close it when done.
 */
public final class DemoClinic implements AutoCloseable {
    /** The zone the clinic works in. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** The facility every actor works in. */
    public static final String FACILITY = "riverside-clinic";
    /** Where the desk clock stands: Friday 2027-03-12 09:00 EST. */
    public static final LocalDateTime NOW = LocalDateTime.of(2027, 3, 12, 9, 0);
    /** The scripted clinic day: the first Monday on daylight-saving time. */
    public static final LocalDate CLINIC_DAY = LocalDate.of(2027, 3, 15);
    /** Good Friday 2027, a clinic holiday. */
    public static final LocalDate GOOD_FRIDAY = LocalDate.of(2027, 3, 26);

    /** Main campus site code. */
    public static final String MAIN_CAMPUS = "main-campus";
    /** East clinic site code. */
    public static final String EAST_CLINIC = "east-clinic";

    /** Cardiology consult: a cardiologist and a cardiology exam room, 30 minutes, 5 minutes turnover. */
    public static final ServiceTypeId CARDIOLOGY = ServiceTypeId.of("cardiology-consult");
    /** MRI scan: scanner, technologist and the MRI suite, 45 minutes with set-up and clean-up. */
    public static final ServiceTypeId MRI = ServiceTypeId.of("mri");
    /** Dermatology visit: the dermatologist and the dermatology room, 20 minutes. */
    public static final ServiceTypeId DERMATOLOGY = ServiceTypeId.of("dermatology-visit");

    private static final LocalDate TEMPLATES_FROM = LocalDate.of(2027, 1, 4);
    private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private static final Set<DayOfWeek> MON_WED_FRI = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.FRIDAY);

    private final Coordinator coordinator;
    private final CoordinatorSession desk;
    private final Map<ResourceId, List<String>> hours = new LinkedHashMap<>();

    private DemoClinic(Coordinator coordinator) {
        this.coordinator = coordinator;
        this.desk = coordinator.session(Actor.of("desk-01", FACILITY, Role.SCHEDULER), Purpose.TREATMENT);
    }

    /**
     * Opens the clinic on the chosen storage with the fixed desk clock. A storage that already
     * holds the clinic is continued; an empty one is set up. With {@code startClean} an embedded
     * file from an earlier run is removed first, so the scripted day always starts the same way.
     *
     * @param storage where the clinic lives
     * @param startClean whether to start from an empty clinic
     * @param out where to say which storage is used and whether it was continued or set up
     * @return the clinic; close it when done
     */
    public static DemoClinic open(StorageOptions storage, boolean startClean, PrintWriter out) {
        boolean removed = false;
        if (startClean && storage.embedded()) {
            removed = deleteIfPresent(storage.dataFile());
            deleteIfPresent(storage.file.resolveSibling(storage.file.getFileName() + ".trace.db"));
            // The witness remembers the removed clinic's checkpoints; kept, it would report the
            // new clinic as the old one rolled back.
            deleteIfPresent(storage.witnessFile());
        }
        Clock clock = Clock.fixed(NOW.atZone(ZONE).toInstant(), ZONE);
        Coordinator coordinator = storage.coordinator(clock).build();
        DemoClinic clinic = new DemoClinic(coordinator);
        try {
            ScheduleAdministration admin = coordinator.session(Actor.of("admin-01", FACILITY, Role.ADMINISTRATOR),
                    Purpose.OPERATIONS).schedule();
            int stored = admin.resources().size();
            if (stored > 0 && startClean) {
                throw InvalidRequestException.of("db-schema", "the demo needs an empty schema and this one already "
                        + "holds a clinic; choose another with --db-schema");
            }
            if (stored > 0) {
                clinic.setUp(recordOnly());
                out.printf("Storage    : %s (continuing the stored clinic: %d resources)%n", storage.describe(), stored);
            } else {
                clinic.setUp(admin);
                out.printf("Storage    : %s (%s)%n", storage.describe(), removed
                        ? "removed the clinic of an earlier run and set up a new one" : "set up a new clinic");
            }
        } catch (RuntimeException e) {
            coordinator.close();
            throw e;
        }
        return clinic;
    }

    private static boolean deleteIfPresent(Path file) {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw InvalidRequestException.of("db", "cannot remove the earlier demo database " + file + ": "
                    + e.getClass().getSimpleName());
        }
    }

    /** A schedule administration that only lets {@link #setUp} record the weekly hours it describes. */
    private static ScheduleAdministration recordOnly() {
        return (ScheduleAdministration) Proxy.newProxyInstance(ScheduleAdministration.class.getClassLoader(),
                new Class<?>[] {ScheduleAdministration.class},
                (proxy, method, args) -> method.getReturnType() == List.class ? List.of() : null);
    }

    private void setUp(ScheduleAdministration admin) {
        practitioner(admin, "dr-card-1", "Cardiologist A", MAIN_CAMPUS, "cardiology");
        practitioner(admin, "dr-card-2", "Cardiologist B", MAIN_CAMPUS, "cardiology");
        practitioner(admin, "dr-derm-1", "Dermatologist A", EAST_CLINIC, "dermatology");
        practitioner(admin, "tech-mri-1", "MRI technologist A", MAIN_CAMPUS, "mri-tech");
        practitioner(admin, "tech-mri-2", "MRI technologist B", MAIN_CAMPUS, "mri-tech");
        admin.defineResource(Resource.of("exam-101", ResourceKind.LOCATION, "Exam room 101", ZONE, MAIN_CAMPUS,
                "exam-room", "cardiology"));
        admin.defineResource(Resource.of("exam-102", ResourceKind.LOCATION, "Exam room 102", ZONE, MAIN_CAMPUS,
                "exam-room", "cardiology"));
        admin.defineResource(Resource.of("exam-e1", ResourceKind.LOCATION, "East exam room 1", ZONE, EAST_CLINIC,
                "exam-room", "dermatology"));
        admin.defineResource(Resource.of("mri-scanner-1", ResourceKind.DEVICE, "MRI scanner 1 (3T)", ZONE, MAIN_CAMPUS,
                "mri"));
        admin.defineResource(Resource.of("mri-suite", ResourceKind.LOCATION, "MRI suite", ZONE, MAIN_CAMPUS,
                "mri-suite"));

        weekly(admin, "dr-card-1", WEEKDAYS, "08:00", "16:00");
        weekly(admin, "dr-card-2", MON_WED_FRI, "09:00", "17:00");
        weekly(admin, "dr-derm-1", MON_WED_FRI, "08:00", "14:00");
        weekly(admin, "tech-mri-1", WEEKDAYS, "07:00", "15:00");
        weekly(admin, "tech-mri-2", WEEKDAYS, "12:00", "20:00");
        weekly(admin, "exam-101", WEEKDAYS, "07:30", "18:00");
        weekly(admin, "exam-102", WEEKDAYS, "07:30", "18:00");
        weekly(admin, "exam-e1", WEEKDAYS, "07:30", "18:00");
        weekly(admin, "mri-scanner-1", WEEKDAYS, "07:00", "20:00");
        weekly(admin, "mri-scanner-1", EnumSet.of(DayOfWeek.SATURDAY), "08:00", "12:00");
        weekly(admin, "mri-suite", WEEKDAYS, "07:00", "20:00");
        weekly(admin, "mri-suite", EnumSet.of(DayOfWeek.SATURDAY), "08:00", "12:00");

        admin.defineService(ServiceType.of(CARDIOLOGY.value(), "Cardiology consult", Duration.ofMinutes(30),
                        ResourceRequirement.of("specialist", ResourceKind.PRACTITIONER, "cardiology"),
                        ResourceRequirement.of("room", ResourceKind.LOCATION, "exam-room", "cardiology"))
                .withBuffers(Duration.ZERO, Duration.ofMinutes(5))
                .withBookingWindow(Duration.ofHours(1), Duration.ofDays(180)));
        admin.defineService(ServiceType.of(MRI.value(), "MRI scan", Duration.ofMinutes(45),
                        ResourceRequirement.of("scanner", ResourceKind.DEVICE, "mri"),
                        ResourceRequirement.of("technologist", ResourceKind.PRACTITIONER, "mri-tech"),
                        ResourceRequirement.of("suite", ResourceKind.LOCATION, "mri-suite"))
                .withBuffers(Duration.ofMinutes(10), Duration.ofMinutes(15))
                .withBookingWindow(Duration.ofHours(24), Duration.ofDays(90)));
        admin.defineService(ServiceType.of(DERMATOLOGY.value(), "Dermatology visit", Duration.ofMinutes(20),
                        ResourceRequirement.of("dermatologist", ResourceKind.PRACTITIONER, "dermatology"),
                        ResourceRequirement.of("room", ResourceKind.LOCATION, "exam-room", "dermatology"))
                .withBuffers(Duration.ZERO, Duration.ofMinutes(5))
                .withBookingWindow(Duration.ofHours(1), Duration.ofDays(180)));

        Set<ResourceId> everyone = admin.resources().stream().map(Resource::id).collect(Collectors.toSet());
        admin.addHoliday(GOOD_FRIDAY, "good-friday", everyone);
    }

    private static void practitioner(ScheduleAdministration admin, String id, String label, String site, String tag) {
        admin.defineResource(Resource.of(id, ResourceKind.PRACTITIONER, label, ZONE, site, tag));
    }

    private void weekly(ScheduleAdministration admin, String resource, Set<DayOfWeek> days, String start, String end) {
        ResourceId id = ResourceId.of(resource);
        admin.addTemplate(WeeklyTemplate.of(id, TEMPLATES_FROM, start, end, days.toArray(DayOfWeek[]::new)));
        hours.computeIfAbsent(id, k -> new ArrayList<>()).add(describe(days) + " " + start + "-" + end);
    }

    private static String describe(Set<DayOfWeek> days) {
        if (days.equals(WEEKDAYS)) {
            return "Mon-Fri";
        }
        return days.stream().map(Formats::shortDay).collect(Collectors.joining(","));
    }

    /**
     * The coordinator.
     *
     * @return the coordinator
     */
    public Coordinator coordinator() {
        return coordinator;
    }

    /**
     * The front desk: a scheduler acting for treatment.
     *
     * @return the session
     */
    public CoordinatorSession desk() {
        return desk;
    }

    /**
     * Looks up a service type the desk typed in.
     *
     * @param value the service type id as typed
     * @return the id of a defined service type
     * @throws InvalidRequestException naming the {@code service} field when it is malformed or unknown
     */
    public ServiceTypeId knownService(String value) {
        ServiceTypeId id;
        try {
            id = ServiceTypeId.of(value);
        } catch (InvalidRequestException malformed) {
            throw InvalidRequestException.of("service", "is not a valid service type id");
        }
        if (desk.schedule().service(id).isEmpty()) {
            throw InvalidRequestException.of("service", "unknown service type " + id + "; known: "
                    + desk.schedule().services().stream().map(s -> s.id().value()).collect(Collectors.joining(", ")));
        }
        return id;
    }

    /**
     * The current desk time.
     *
     * @return the fixed instant the clock stands at
     */
    public static Instant now() {
        return NOW.atZone(ZONE).toInstant();
    }

    /**
     * The weekly hours the setup gave a resource, in local time, for listings.
     *
     * @param resource the resource
     * @return for example {@code Mon-Fri 08:00-16:00}; empty when none
     */
    public List<String> weeklyHours(ResourceId resource) {
        return Collections.unmodifiableList(hours.getOrDefault(resource, List.of()));
    }

    @Override
    public void close() {
        coordinator.close();
    }
}
