package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.UnavailabilityKind;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.spi.storage.ScheduleStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Resources and service types by id (upserted); templates and unavailability in insertion order,
 * found for any number of resources with one statement. Every write also sets the one-row
 * {@code schedule_version} to the next value of a sequence, in the same transaction, so that
 * {@link #version()} changes with every committed change and never returns a version twice.
 */
final class JdbcScheduleStore extends StoreBase implements ScheduleStore {
    private static final String RESOURCE_COLUMNS = "id, kind, display_name, zone, capacity, tags, site";
    private static final String SERVICE_COLUMNS = "id, display_name, duration, requirements, buffer_before, "
            + "buffer_after, minimum_notice, maximum_horizon, slot_step";

    private final String putResource;
    private final String findResource;
    private final String allResources;
    private final String putService;
    private final String findService;
    private final String allServices;
    private final String addTemplate;
    private final String templatesOf;
    private final String addUnavailability;
    private final String unavailabilityOf;
    private final String bumpVersion;
    private final String readVersion;

    JdbcScheduleStore(UnitBinding<Unit> units, Dialect dialect, Tables tables) {
        super(units, dialect, tables);
        putResource = dialect.upsert(tables.resources(), "id", RESOURCE_COLUMNS.split(", "));
        findResource = "SELECT " + RESOURCE_COLUMNS + " FROM " + tables.resources() + " WHERE id = ?";
        allResources = "SELECT " + RESOURCE_COLUMNS + " FROM " + tables.resources() + " ORDER BY id";
        putService = dialect.upsert(tables.serviceTypes(), "id", SERVICE_COLUMNS.split(", "));
        findService = "SELECT " + SERVICE_COLUMNS + " FROM " + tables.serviceTypes() + " WHERE id = ?";
        allServices = "SELECT " + SERVICE_COLUMNS + " FROM " + tables.serviceTypes() + " ORDER BY id";
        addTemplate = "INSERT INTO " + tables.weeklyTemplates()
                + " (resource_id, effective_from, effective_until, hours) VALUES (?, ?, ?, ?)";
        templatesOf = "SELECT resource_id, effective_from, effective_until, hours FROM " + tables.weeklyTemplates()
                + " WHERE resource_id = ANY(?) ORDER BY seq";
        addUnavailability = "INSERT INTO " + tables.unavailability()
                + " (resource_id, start_ns, end_ns, kind, reason_code) VALUES (?, ?, ?, ?, ?)";
        // On H2, "resource_id = ANY(?)" ranges over the whole (resource_id, end_ns) index by end_ns
        // alone; joining a table of the ids makes it seek that index once per resource instead.
        unavailabilityOf = dialect == Dialect.H2
                ? "SELECT u.resource_id, u.start_ns, u.end_ns, u.kind, u.reason_code FROM " + Dialect.H2_ID_TABLE
                        + " JOIN " + tables.unavailability() + " u ON u.resource_id = t.id"
                        + " WHERE u.start_ns < ? AND u.end_ns > ? ORDER BY u.start_ns, u.resource_id, u.seq"
                : "SELECT resource_id, start_ns, end_ns, kind, reason_code FROM " + tables.unavailability()
                        + " WHERE resource_id = ANY(?) AND start_ns < ? AND end_ns > ? ORDER BY start_ns, resource_id, seq";
        bumpVersion = "UPDATE " + tables.scheduleVersion() + " SET version = "
                + (dialect == Dialect.H2 ? "NEXT VALUE FOR " + tables.scheduleVersions()
                        : "nextval('" + tables.scheduleVersions() + "')");
        readVersion = "SELECT version FROM " + tables.scheduleVersion();
    }

    @Override
    public OptionalLong version() {
        return OptionalLong.of(Sql.one(reading(), readVersion, s -> { }, rows -> rows.getLong(1),
                "read the schedule version").orElseThrow(() -> new AdapterException(
                        "storage could not read the schedule version: the schedule_version row is missing", null)));
    }

    /** The statement behind {@link #version()}. */
    String versionSql() {
        return readVersion;
    }

    /**
     * Gives the facility data a new version, in the writing unit: after every write here, and
     * after every document requirement write.
     */
    void changed(Connection connection) {
        Sql.update(connection, bumpVersion, s -> { }, "move the schedule version on");
    }

    @Override
    public void putResource(Resource resource) {
        Objects.requireNonNull(resource, "resource");
        Connection connection = writing();
        Sql.update(connection, putResource, s -> {
            s.setString(1, resource.id().value());
            s.setString(2, resource.kind().name());
            s.setString(3, resource.displayName());
            s.setString(4, resource.zone().getId());
            s.setInt(5, resource.capacity());
            s.setString(6, Values.tags(resource.tags()));
            s.setString(7, resource.site());
        }, "store resource " + resource.id());
        changed(connection);
    }

    @Override
    public Optional<Resource> resource(ResourceId id) {
        Objects.requireNonNull(id, "id");
        return Sql.one(reading(), findResource, s -> s.setString(1, id.value()), JdbcScheduleStore::resource,
                "read resource " + id);
    }

    @Override
    public List<Resource> resources() {
        return Sql.list(reading(), allResources, s -> { }, JdbcScheduleStore::resource, "list resources");
    }

    @Override
    public void putService(ServiceType service) {
        Objects.requireNonNull(service, "service");
        Connection connection = writing();
        Sql.update(connection, putService, s -> {
            s.setString(1, service.id().value());
            s.setString(2, service.displayName());
            s.setString(3, service.duration().toString());
            s.setString(4, Values.requirements(service.requirements()));
            s.setString(5, service.bufferBefore().toString());
            s.setString(6, service.bufferAfter().toString());
            s.setString(7, service.minimumNotice().toString());
            s.setString(8, service.maximumHorizon().toString());
            s.setString(9, service.slotStep().toString());
        }, "store service type " + service.id());
        changed(connection);
    }

    @Override
    public Optional<ServiceType> service(ServiceTypeId id) {
        Objects.requireNonNull(id, "id");
        return Sql.one(reading(), findService, s -> s.setString(1, id.value()), JdbcScheduleStore::service,
                "read service type " + id);
    }

    @Override
    public List<ServiceType> services() {
        return Sql.list(reading(), allServices, s -> { }, JdbcScheduleStore::service, "list service types");
    }

    @Override
    public void addTemplate(WeeklyTemplate template) {
        Objects.requireNonNull(template, "template");
        Connection connection = writing();
        Sql.update(connection, addTemplate, s -> {
            s.setString(1, template.resource().value());
            s.setObject(2, template.effectiveFrom());
            if (template.effectiveUntil().isPresent()) {
                s.setObject(3, template.effectiveUntil().get());
            } else {
                s.setNull(3, Types.DATE);
            }
            s.setString(4, Values.hours(template.hours()));
        }, "add a weekly template of resource " + template.resource());
        changed(connection);
    }

    @Override
    public List<WeeklyTemplate> templates(Collection<ResourceId> resources) {
        Set<String> ids = ids(resources);
        if (ids.isEmpty()) {
            return List.of();
        }
        Connection connection = reading();
        return Sql.list(connection, templatesOf, s -> s.setArray(1, dialect.textArray(connection, ids)), rows ->
                new WeeklyTemplate(ResourceId.of(rows.getString("resource_id")),
                        rows.getObject("effective_from", LocalDate.class),
                        Optional.ofNullable(rows.getObject("effective_until", LocalDate.class)),
                        Values.hours(rows.getString("hours"))), "read weekly templates");
    }

    @Override
    public void addUnavailability(Unavailability unavailability) {
        Objects.requireNonNull(unavailability, "unavailability");
        long start = Nanos.of(unavailability.start(), "unavailability.start");
        long end = Nanos.of(unavailability.end(), "unavailability.end");
        Connection connection = writing();
        Sql.update(connection, addUnavailability, s -> {
            s.setString(1, unavailability.resource().value());
            s.setLong(2, start);
            s.setLong(3, end);
            s.setString(4, unavailability.kind().name());
            s.setString(5, unavailability.reasonCode());
        }, "add unavailability of resource " + unavailability.resource());
        changed(connection);
    }

    @Override
    public List<Unavailability> unavailability(Collection<ResourceId> resources, Instant from, Instant to) {
        Set<String> ids = ids(resources);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (ids.isEmpty()) {
            return List.of();
        }
        Connection connection = reading();
        return Sql.list(connection, unavailabilityOf, s -> {
            s.setArray(1, dialect.textArray(connection, ids));
            s.setLong(2, Nanos.bound(to));
            s.setLong(3, Nanos.bound(from));
        }, rows -> new Unavailability(ResourceId.of(rows.getString("resource_id")),
                Nanos.instant(rows.getLong("start_ns")), Nanos.instant(rows.getLong("end_ns")),
                UnavailabilityKind.valueOf(rows.getString("kind")), rows.getString("reason_code")),
                "read unavailability");
    }

    static Set<String> ids(Collection<ResourceId> resources) {
        Objects.requireNonNull(resources, "resources");
        Set<String> ids = new LinkedHashSet<>();
        for (ResourceId id : resources) {
            ids.add(Objects.requireNonNull(id, "resources element").value());
        }
        return ids;
    }

    private static Resource resource(ResultSet rows) throws SQLException {
        return new Resource(ResourceId.of(rows.getString("id")), ResourceKind.valueOf(rows.getString("kind")),
                rows.getString("display_name"), ZoneId.of(rows.getString("zone")), rows.getInt("capacity"),
                Values.tags(rows.getString("tags")), rows.getString("site"));
    }

    private static ServiceType service(ResultSet rows) throws SQLException {
        return new ServiceType(ServiceTypeId.of(rows.getString("id")), rows.getString("display_name"),
                Duration.parse(rows.getString("duration")), Values.requirements(rows.getString("requirements")),
                Duration.parse(rows.getString("buffer_before")), Duration.parse(rows.getString("buffer_after")),
                Duration.parse(rows.getString("minimum_notice")), Duration.parse(rows.getString("maximum_horizon")),
                Duration.parse(rows.getString("slot_step")));
    }
}
