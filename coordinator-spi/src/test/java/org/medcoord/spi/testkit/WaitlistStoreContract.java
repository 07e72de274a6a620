package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.slot;
import static org.medcoord.spi.testkit.Fixtures.waitlistEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.WaitlistEntry;
import org.medcoord.api.appointment.WaitlistEntryId;
import org.medcoord.api.appointment.WaitlistStatus;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * The contract of {@link org.medcoord.spi.storage.WaitlistStore}: put replaces by id, and
 * {@code open} lists waiting and offered entries of a service by priority (highest first), then
 * creation time, then id.
 *
 * @since 0.1
 */
public class WaitlistStoreContract extends ContractSupport {
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");

    /** For subclasses. */
    protected WaitlistStoreContract() {
    }

    @Test
    void storedEntryIsFoundWithEveryField() {
        WaitlistEntry waiting = waitlistEntry("w-1", "consult", 3, NOW, WaitlistStatus.OFFERED);
        WaitlistEntry offered = new WaitlistEntry(waiting.id(), waiting.request(), WaitlistStatus.OFFERED, NOW,
                Optional.of(slot(at("09:00"), at("09:30"), "dr-a")), Optional.of(AppointmentId.of("a-1")));
        update(tx -> tx.waitlist().put(offered));

        assertEquals(Optional.of(offered), read(tx -> tx.waitlist().find(WaitlistEntryId.of("w-1"))));
        assertEquals(Optional.empty(), read(tx -> tx.waitlist().find(WaitlistEntryId.of("w-2"))));
    }

    @Test
    void putReplacesById() {
        update(tx -> tx.waitlist().put(waitlistEntry("w-1", "consult", 3, NOW, WaitlistStatus.WAITING)));
        WaitlistEntry booked = waitlistEntry("w-1", "consult", 3, NOW, WaitlistStatus.BOOKED);
        update(tx -> tx.waitlist().put(booked));

        assertEquals(Optional.of(booked), read(tx -> tx.waitlist().find(WaitlistEntryId.of("w-1"))));
        assertEquals(List.of(), open(CONSULT));
    }

    @Test
    void openIsOrderedByPriorityThenCreationThenId() {
        Instant early = NOW;
        Instant late = NOW.plus(Duration.ofHours(1));
        WaitlistEntry lowEarly = waitlistEntry("w-a", "consult", 1, early, WaitlistStatus.WAITING);
        WaitlistEntry highLate = waitlistEntry("w-b", "consult", 9, late, WaitlistStatus.WAITING);
        WaitlistEntry highEarlyZ = waitlistEntry("w-z", "consult", 9, early, WaitlistStatus.OFFERED);
        WaitlistEntry highEarlyC = waitlistEntry("w-c", "consult", 9, early, WaitlistStatus.WAITING);
        WaitlistEntry midLate = waitlistEntry("w-d", "consult", 5, late, WaitlistStatus.WAITING);
        update(tx -> {
            for (WaitlistEntry e : List.of(lowEarly, highLate, midLate)) {
                tx.waitlist().put(e);
            }
        });
        update(tx -> {
            tx.waitlist().put(highEarlyZ);
            tx.waitlist().put(highEarlyC);
        });

        assertEquals(List.of(highEarlyC, highEarlyZ, highLate, midLate, lowEarly), open(CONSULT));
    }

    @Test
    void openLeavesOutClosedBookedAndOtherServices() {
        WaitlistEntry waiting = waitlistEntry("w-1", "consult", 1, NOW, WaitlistStatus.WAITING);
        WaitlistEntry offered = waitlistEntry("w-2", "consult", 1, NOW, WaitlistStatus.OFFERED);
        update(tx -> {
            tx.waitlist().put(waiting);
            tx.waitlist().put(offered);
            tx.waitlist().put(waitlistEntry("w-3", "consult", 9, NOW, WaitlistStatus.CLOSED));
            tx.waitlist().put(waitlistEntry("w-4", "consult", 9, NOW, WaitlistStatus.BOOKED));
            tx.waitlist().put(waitlistEntry("w-5", "x-ray", 9, NOW, WaitlistStatus.WAITING));
        });

        assertEquals(List.of(waiting, offered), open(CONSULT));
        assertEquals(List.of(), open(ServiceTypeId.of("follow-up")));
    }

    @Test
    void replacingAnEntryMovesItInTheOpenList() {
        update(tx -> {
            tx.waitlist().put(waitlistEntry("w-1", "consult", 1, NOW, WaitlistStatus.WAITING));
            tx.waitlist().put(waitlistEntry("w-2", "consult", 5, NOW, WaitlistStatus.WAITING));
        });
        WaitlistEntry raised = waitlistEntry("w-1", "consult", 7, NOW, WaitlistStatus.WAITING);
        WaitlistEntry moved = waitlistEntry("w-2", "x-ray", 5, NOW, WaitlistStatus.WAITING);
        update(tx -> {
            tx.waitlist().put(raised);
            tx.waitlist().put(moved);
        });

        assertEquals(List.of(raised), open(CONSULT));
        assertEquals(List.of(moved), open(ServiceTypeId.of("x-ray")));
    }

    private List<WaitlistEntry> open(ServiceTypeId service) {
        return read(tx -> tx.waitlist().open(service));
    }
}
