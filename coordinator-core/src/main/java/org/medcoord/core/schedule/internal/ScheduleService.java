package org.medcoord.core.schedule.internal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.common.Violations;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.UnavailabilityKind;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.core.access.internal.AccessControl;
import org.medcoord.core.access.internal.CallContext;
import org.medcoord.core.access.internal.Permission;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * Schedule administration for one caller. Facility data only: access is checked, but no audit
 * record is written because no patient data is touched.
 */
public final class ScheduleService implements ScheduleAdministration {
    private final Storage storage;
    private final AccessControl policy;
    private final CallContext ctx;

    /**
     * Creates the service for a caller.
     *
     * @param storage the storage
     * @param policy the access policy
     * @param ctx the caller
     */
    public ScheduleService(Storage storage, AccessControl policy, CallContext ctx) {
        this.storage = storage;
        this.policy = policy;
        this.ctx = ctx;
    }

    @Override
    public Resource defineResource(Resource resource) {
        require(resource, "resource");
        policy.check(ctx, Permission.ADMINISTER_SCHEDULE, "define resources");
        return storage.inTransaction(tx -> {
            tx.schedule().putResource(resource);
            return resource;
        });
    }

    @Override
    public ServiceType defineService(ServiceType service) {
        require(service, "service");
        policy.check(ctx, Permission.ADMINISTER_SCHEDULE, "define services");
        return storage.inTransaction(tx -> {
            List<Resource> resources = tx.schedule().resources();
            Violations v = new Violations();
            List<ResourceRequirement> requirements = service.requirements();
            for (int i = 0; i < requirements.size(); i++) {
                ResourceRequirement req = requirements.get(i);
                v.require(resources.stream().anyMatch(req::matches), "requirements[" + i + "]",
                        "no defined resource can fill role " + req.role());
            }
            v.throwIfAny();
            tx.schedule().putService(service);
            return service;
        });
    }

    @Override
    public void addTemplate(WeeklyTemplate template) {
        require(template, "template");
        policy.check(ctx, Permission.ADMINISTER_SCHEDULE, "add templates");
        storage.inTransaction(tx -> {
            existing(tx, template.resource(), "resource");
            tx.schedule().addTemplate(template);
            return null;
        });
    }

    @Override
    public void addUnavailability(Unavailability unavailability) {
        require(unavailability, "unavailability");
        policy.check(ctx, Permission.ADMINISTER_SCHEDULE, "add unavailability");
        storage.inTransaction(tx -> {
            existing(tx, unavailability.resource(), "resource");
            tx.schedule().addUnavailability(unavailability);
            return null;
        });
    }

    @Override
    public void addHoliday(LocalDate date, String reasonCode, Set<ResourceId> resources) {
        Violations v = new Violations();
        v.notNull(date, "date");
        v.text(reasonCode, "reasonCode", 64);
        if (v.notNull(resources, "resources")) {
            v.require(!resources.isEmpty(), "resources", "must name at least one resource");
        }
        v.throwIfAny();
        policy.check(ctx, Permission.ADMINISTER_SCHEDULE, "add holidays");
        storage.inTransaction(tx -> {
            for (ResourceId id : resources.stream().sorted((a, b) -> a.value().compareTo(b.value())).toList()) {
                Resource r = existing(tx, id, "resources");
                ZonedDateTime start = date.atStartOfDay(r.zone());
                ZonedDateTime end = date.plusDays(1).atStartOfDay(r.zone());
                tx.schedule().addUnavailability(new Unavailability(id, start.toInstant(), end.toInstant(),
                        UnavailabilityKind.HOLIDAY, reasonCode));
            }
            return null;
        });
    }

    @Override
    public Optional<Resource> resource(ResourceId id) {
        require(id, "id");
        policy.check(ctx, Permission.READ_SCHEDULE, "read resources");
        return storage.read(tx -> tx.schedule().resource(id));
    }

    @Override
    public List<Resource> resources() {
        policy.check(ctx, Permission.READ_SCHEDULE, "read resources");
        return storage.read(tx -> tx.schedule().resources());
    }

    @Override
    public Optional<ServiceType> service(ServiceTypeId id) {
        require(id, "id");
        policy.check(ctx, Permission.READ_SCHEDULE, "read services");
        return storage.read(tx -> tx.schedule().service(id));
    }

    @Override
    public List<ServiceType> services() {
        policy.check(ctx, Permission.READ_SCHEDULE, "read services");
        return storage.read(tx -> tx.schedule().services());
    }

    private static Resource existing(StorageTransaction tx, ResourceId id, String field) {
        return tx.schedule().resource(id).orElseThrow(() -> new NotFoundException("resource", id.value()));
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw InvalidRequestException.of(field, "must not be null");
        }
    }
}
