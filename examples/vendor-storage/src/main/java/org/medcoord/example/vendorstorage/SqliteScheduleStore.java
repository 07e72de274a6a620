package org.medcoord.example.vendorstorage;

import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.UnavailabilityKind;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.spi.storage.ScheduleStore;
import org.medcoord.spi.storage.support.UnitBinding;

/** Facility data in the {@code resource}, {@code service}, {@code template} and {@code unavailability} tables. */
final class SqliteScheduleStore implements ScheduleStore {
    private final UnitBinding<SqliteUnit> binding;
    private final ScheduleVersions versions;

    SqliteScheduleStore(UnitBinding<SqliteUnit> binding, ScheduleVersions versions) {
        this.binding = binding;
        this.versions = versions;
    }

    @Override
    public void putResource(Resource resource) {
        Connection c = binding.writing().connection();
        Sql.update(c, "storing resource " + resource.id(),
                "INSERT INTO resource (id, capacity, body) VALUES (?, ?, ?) "
                        + "ON CONFLICT (id) DO UPDATE SET capacity = excluded.capacity, body = excluded.body",
                resource.id().value(), resource.capacity(), Codec.encode(Codec.RESOURCE, resource));
        changed(c);
    }

    @Override
    public Optional<Resource> resource(ResourceId id) {
        return Sql.one(binding.reading().connection(), "reading resource " + id,
                "SELECT id, body FROM resource WHERE id = ?", row -> decode(Codec.READ_RESOURCE, row.getString(1),
                        row.getBytes(2), "resource"), id.value());
    }

    @Override
    public List<Resource> resources() {
        return Sql.list(binding.reading().connection(), "reading resources", "SELECT id, body FROM resource ORDER BY id",
                row -> decode(Codec.READ_RESOURCE, row.getString(1), row.getBytes(2), "resource"));
    }

    @Override
    public void putService(ServiceType service) {
        Connection c = binding.writing().connection();
        Sql.update(c, "storing service " + service.id(),
                "INSERT INTO service (id, body) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET body = excluded.body",
                service.id().value(), Codec.encode(Codec.SERVICE, service));
        changed(c);
    }

    @Override
    public Optional<ServiceType> service(ServiceTypeId id) {
        return Sql.one(binding.reading().connection(), "reading service " + id,
                "SELECT id, body FROM service WHERE id = ?", row -> decode(Codec.READ_SERVICE, row.getString(1),
                        row.getBytes(2), "service"), id.value());
    }

    @Override
    public List<ServiceType> services() {
        return Sql.list(binding.reading().connection(), "reading services", "SELECT id, body FROM service ORDER BY id",
                row -> decode(Codec.READ_SERVICE, row.getString(1), row.getBytes(2), "service"));
    }

    @Override
    public void addTemplate(WeeklyTemplate template) {
        Connection c = binding.writing().connection();
        Sql.update(c, "storing a template of resource " + template.resource(),
                "INSERT INTO template (resource, body) VALUES (?, ?)", template.resource().value(),
                Codec.encode(Codec.TEMPLATE, template));
        changed(c);
    }

    @Override
    public List<WeeklyTemplate> templates(Collection<ResourceId> resources) {
        Connection c = binding.reading().connection();
        if (resources.isEmpty()) {
            return List.of();
        }
        return Sql.list(c, "reading templates",
                "SELECT seq, body FROM template WHERE resource IN (" + Sql.marks(resources.size()) + ") ORDER BY seq",
                row -> decode(Codec.READ_TEMPLATE, "template " + row.getLong(1), row.getBytes(2), "template"),
                ids(resources).toArray());
    }

    @Override
    public void addUnavailability(Unavailability u) {
        Connection c = binding.writing().connection();
        Sql.update(c, "storing unavailability of resource " + u.resource(),
                "INSERT INTO unavailability (resource, start_ns, end_ns, kind, reason_code) VALUES (?, ?, ?, ?, ?)",
                u.resource().value(), Sql.stored("start", u.start()), Sql.stored("end", u.end()), u.kind().name(),
                u.reasonCode());
        changed(c);
    }

    @Override
    public List<Unavailability> unavailability(Collection<ResourceId> resources, Instant from, Instant to) {
        Connection c = binding.reading().connection();
        if (resources.isEmpty()) {
            return List.of();
        }
        return Sql.list(c, "reading unavailability",
                "SELECT resource, start_ns, end_ns, kind, reason_code FROM unavailability WHERE resource IN ("
                        + Sql.marks(resources.size()) + ") AND start_ns < ? AND end_ns > ? ORDER BY start_ns, seq",
                row -> new Unavailability(ResourceId.of(row.getString(1)), Sql.instant(row.getLong(2)),
                        Sql.instant(row.getLong(3)), UnavailabilityKind.valueOf(row.getString(4)), row.getString(5)),
                Sql.parameters(ids(resources), Sql.bound(to), Sql.bound(from)));
    }

    @Override
    public OptionalLong version() {
        return OptionalLong.of(Sql.one(binding.reading().connection(), "reading the schedule version",
                "SELECT value FROM meta WHERE name = 'schedule_version'", row -> row.getLong(1)).orElse(0L));
    }

    private void changed(Connection c) {
        Sql.update(c, "changing the schedule version", "UPDATE meta SET value = ? WHERE name = 'schedule_version'",
                versions.next());
    }

    static List<String> ids(Collection<ResourceId> resources) {
        return resources.stream().map(ResourceId::value).toList();
    }

    /** Decodes a stored record, naming the row (never its contents) when it no longer decodes. */
    static <T> T decode(Codec.Reader<T> reader, String id, byte[] body, String table) {
        try {
            return Codec.decode(reader, body);
        } catch (IllegalArgumentException unreadable) {
            throw new AdapterException("vendor-sqlite: stored " + table + " row " + id + " does not decode", unreadable);
        }
    }
}
