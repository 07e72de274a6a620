package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medcoord.spi.testkit.Fixtures.DAY;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.resource;
import static org.medcoord.spi.testkit.Fixtures.rid;
import static org.medcoord.spi.testkit.Fixtures.room;
import static org.medcoord.spi.testkit.Fixtures.service;
import static org.medcoord.spi.testkit.Fixtures.template;
import static org.medcoord.spi.testkit.Fixtures.unavailability;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.WeeklyTemplate;

/**
 * The contract of {@link org.medcoord.spi.storage.ScheduleStore}: put replaces by id, lookups
 * return what was stored, lists are ordered as documented and empty when nothing matches.
 *
 * @since 0.1
 */
public class ScheduleStoreContract extends ContractSupport {
    /** For subclasses. */
    protected ScheduleStoreContract() {
    }

    @Test
    void storedResourceIsFoundAsStored() {
        Resource room = room("room-1").withCapacity(4);
        update(tx -> tx.schedule().putResource(room));

        assertEquals(Optional.of(room), read(tx -> tx.schedule().resource(rid("room-1"))));
        assertEquals(Optional.empty(), read(tx -> tx.schedule().resource(rid("room-2"))));
    }

    @Test
    void putResourceReplacesById() {
        update(tx -> tx.schedule().putResource(resource("dr-a")));
        update(tx -> tx.schedule().putResource(resource("dr-a", 3)));

        assertEquals(List.of(resource("dr-a", 3)), read(tx -> tx.schedule().resources()));
    }

    @Test
    void resourcesAreOrderedById() {
        assertEquals(List.of(), read(tx -> tx.schedule().resources()));
        update(tx -> {
            tx.schedule().putResource(resource("dr-c"));
            tx.schedule().putResource(resource("dr-a"));
        });
        update(tx -> tx.schedule().putResource(room("dr-b")));

        assertEquals(List.of(resource("dr-a"), room("dr-b"), resource("dr-c")), read(tx -> tx.schedule().resources()));
    }

    @Test
    void servicesAreFoundReplacedAndOrderedById() {
        assertEquals(List.of(), read(tx -> tx.schedule().services()));
        ServiceType longer = service("consult").withBuffers(Duration.ofMinutes(5), Duration.ofMinutes(10));
        update(tx -> {
            tx.schedule().putService(service("x-ray"));
            tx.schedule().putService(service("consult"));
            tx.schedule().putService(service("follow-up"));
        });
        update(tx -> tx.schedule().putService(longer));

        assertEquals(Optional.of(longer), read(tx -> tx.schedule().service(ServiceTypeId.of("consult"))));
        assertEquals(Optional.empty(), read(tx -> tx.schedule().service(ServiceTypeId.of("unknown"))));
        assertEquals(List.of(longer, service("follow-up"), service("x-ray")), read(tx -> tx.schedule().services()));
    }

    @Test
    void templatesOfTheAskedResourcesComeInTheOrderAdded() {
        WeeklyTemplate a1 = template("dr-a");
        WeeklyTemplate b1 = template("dr-b");
        WeeklyTemplate c1 = template("dr-c");
        WeeklyTemplate a2 = WeeklyTemplate.of(rid("dr-a"), LocalDate.of(2030, 2, 1), "13:00", "18:00", DayOfWeek.SATURDAY);
        update(tx -> {
            tx.schedule().addTemplate(a1);
            tx.schedule().addTemplate(b1);
        });
        update(tx -> {
            tx.schedule().addTemplate(c1);
            tx.schedule().addTemplate(a2);
        });

        assertEquals(List.of(a1, c1, a2), read(tx -> tx.schedule().templates(List.of(rid("dr-c"), rid("dr-a")))));
        assertEquals(List.of(b1), read(tx -> tx.schedule().templates(List.of(rid("dr-b")))));
        assertEquals(List.of(), read(tx -> tx.schedule().templates(List.of(rid("dr-z")))));
        assertEquals(List.of(), read(tx -> tx.schedule().templates(List.of())));
    }

    @Test
    void unavailabilityOverlappingThePeriodIsOrderedByStart() {
        Unavailability a = unavailability("dr-a", at("09:00"), at("10:00"));
        Unavailability b = unavailability("dr-b", at("08:30"), at("09:15"));
        Unavailability otherResource = unavailability("dr-c", at("09:00"), at("10:00"));
        Unavailability wholeWeek = unavailability("dr-a", DAY.minus(Duration.ofDays(3)), DAY.plus(Duration.ofDays(4)));
        update(tx -> {
            tx.schedule().addUnavailability(a);
            tx.schedule().addUnavailability(otherResource);
            tx.schedule().addUnavailability(b);
            tx.schedule().addUnavailability(wholeWeek);
        });

        assertEquals(List.of(wholeWeek, b, a), read(tx -> tx.schedule().unavailability(
                List.of(rid("dr-a"), rid("dr-b")), at("09:00"), at("09:30"))));
    }

    @Test
    void unavailabilityTouchingThePeriodDoesNotOverlapIt() {
        Unavailability morning = unavailability("dr-a", at("09:00"), at("10:00"));
        update(tx -> tx.schedule().addUnavailability(morning));

        assertEquals(List.of(), read(tx -> tx.schedule().unavailability(List.of(rid("dr-a")), at("10:00"), at("11:00"))));
        assertEquals(List.of(), read(tx -> tx.schedule().unavailability(List.of(rid("dr-a")), at("08:00"), at("09:00"))));
        assertEquals(List.of(morning),
                read(tx -> tx.schedule().unavailability(List.of(rid("dr-a")), at("09:59"), at("11:00"))));
        assertEquals(List.of(morning),
                read(tx -> tx.schedule().unavailability(List.of(rid("dr-a")), at("08:00"), at("09:01"))));
        assertEquals(List.of(morning),
                read(tx -> tx.schedule().unavailability(List.of(rid("dr-a")), at("09:15"), at("09:45"))));
        assertEquals(List.of(), read(tx -> tx.schedule().unavailability(List.of(), at("08:00"), at("18:00"))));
    }
    @Test
    void everyWriteGivesTheFacilityDataANewVersion() {
        OptionalLong first = read(tx -> tx.schedule().version());
        assumeTrue(first.isPresent(), "this store keeps no schedule version");
        Set<Long> seen = new HashSet<>();
        seen.add(first.getAsLong());
        assertEquals(first, read(tx -> tx.schedule().version()), "a version without writes");

        update(tx -> tx.schedule().putResource(resource("dr-a")));
        assertNew(seen, read(tx -> tx.schedule().version()));
        update(tx -> tx.schedule().putService(service("consult")));
        assertNew(seen, read(tx -> tx.schedule().version()));
        update(tx -> tx.schedule().addTemplate(template("dr-a")));
        assertNew(seen, read(tx -> tx.schedule().version()));
        update(tx -> tx.schedule().addUnavailability(unavailability("dr-a", at("09:00"), at("10:00"))));
        OptionalLong last = read(tx -> tx.schedule().version());
        assertNew(seen, last);

        // Reading facility data does not change the version.
        update(tx -> {
            tx.schedule().resources();
            tx.schedule().services();
        });
        assertEquals(last, read(tx -> tx.schedule().version()));
    }

    @Test
    void aRolledBackWriteNeverLetsItsVersionBeReused() {
        OptionalLong before = read(tx -> tx.schedule().version());
        assumeTrue(before.isPresent(), "this store keeps no schedule version");
        Set<Long> seen = new HashSet<>();
        seen.add(before.getAsLong());
        List<OptionalLong> inside = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> update(tx -> {
            tx.schedule().putResource(resource("dr-a"));
            inside.add(tx.schedule().version());
            throw new IllegalStateException("roll back");
        }));
        assertNew(seen, inside.get(0));
        assertEquals(List.of(), read(tx -> tx.schedule().resources()));

        // The version after the rollback describes the data without dr-a, so it is not the one
        // the rolled-back unit saw; nor is the version of the next write.
        assertNotEquals(inside.get(0), read(tx -> tx.schedule().version()));
        update(tx -> tx.schedule().putResource(resource("dr-b")));
        assertNew(seen, read(tx -> tx.schedule().version()));
    }

    private static void assertNew(Set<Long> seen, OptionalLong version) {
        assertTrue(version.isPresent(), "a store that keeps a version keeps it always");
        assertTrue(seen.add(version.getAsLong()), "version " + version + " was returned before for other data");
    }
}
