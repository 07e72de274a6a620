package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medcoord.spi.testkit.Fixtures.DAY;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.claim;
import static org.medcoord.spi.testkit.Fixtures.holdClaim;
import static org.medcoord.spi.testkit.Fixtures.overCapacityClaim;
import static org.medcoord.spi.testkit.Fixtures.resource;
import static org.medcoord.spi.testkit.Fixtures.rid;
import static org.medcoord.spi.testkit.Fixtures.room;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.ClaimConflict;

/**
 * The contract of {@link org.medcoord.spi.storage.ClaimStore}: the store itself never lets a
 * resource be claimed beyond its capacity, all-or-nothing across a list of claims and across
 * concurrent units; expired hold claims stop counting; over-capacity claims skip the check but
 * count against later ones; release, transfer, owned and active behave as documented. Random claim
 * sequences are checked step by step against a plain list model.
 *
 * @since 0.1
 */
public class ClaimStoreContract extends ContractSupport {
    private static final Instant END_OF_DAY = at(1, "00:00");

    /** For subclasses. */
    protected ClaimStoreContract() {
    }

    @Test
    void claimOnFreeTimeIsAdded() {
        seed(resource("dr-a"));
        Claim c = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1");

        assertEquals(Optional.empty(), claimAll(c));

        assertEquals(List.of(c), active("dr-a"));
        assertEquals(List.of(c), owned("appointment:a-1"));
    }

    @Test
    void emptyListAddsNothing() {
        seed(resource("dr-a"));

        assertEquals(Optional.empty(), write(tx -> tx.claims().claimAll(List.of(), NOW)));
        assertEquals(List.of(), active("dr-a"));
    }

    @Test
    void overlappingClaimIsRefusedNamingTheResource() {
        seed(resource("dr-a"));
        Claim first = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1");
        claimAll(first);

        for (Claim overlapping : List.of(
                claim("dr-a", at("09:00"), at("09:30"), "appointment:a-2"),
                claim("dr-a", at("09:29"), at("10:00"), "appointment:a-2"),
                claim("dr-a", at("08:30"), at("09:01"), "appointment:a-2"),
                claim("dr-a", at("09:10"), at("09:20"), "appointment:a-2"),
                claim("dr-a", at("08:00"), at("11:00"), "appointment:a-2"))) {
            assertEquals(Optional.of(new ClaimConflict(overlapping, rid("dr-a"))), claimAll(overlapping),
                    overlapping.start() + "/" + overlapping.end());
        }

        assertEquals(List.of(first), active("dr-a"));
        assertEquals(List.of(), owned("appointment:a-2"));
    }

    @Test
    void claimsAreAllOrNothingAcrossResources() {
        seed(resource("dr-a"), room("room-1"), resource("dev-1"));
        claimAll(claim("dev-1", at("09:15"), at("09:45"), "appointment:a-1"));
        Claim provider = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-2");
        Claim exam = claim("room-1", at("09:00"), at("09:30"), "appointment:a-2");
        Claim device = claim("dev-1", at("09:00"), at("09:30"), "appointment:a-2");

        assertEquals(Optional.of(new ClaimConflict(device, rid("dev-1"))), claimAll(provider, exam, device));

        assertEquals(List.of(), owned("appointment:a-2"));
        assertEquals(List.of(), active("dr-a"));
        assertEquals(List.of(), active("room-1"));
        assertEquals(List.of(claim("dev-1", at("09:15"), at("09:45"), "appointment:a-1")), active("dev-1"));
    }

    @Test
    void refusedListLeavesTimeFreeForTheNextUnit() {
        seed(resource("dr-a"), room("room-1"));
        claimAll(claim("room-1", at("09:00"), at("09:30"), "appointment:a-1"));
        Claim provider = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-2");
        assertTrue(claimAll(provider, claim("room-1", at("09:00"), at("09:30"), "appointment:a-2")).isPresent());

        Claim other = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-3");
        assertEquals(Optional.empty(), claimAll(other));
        assertEquals(List.of(other), active("dr-a"));
    }

    @Test
    void claimsEarlierInTheSameListCount() {
        seed(resource("dr-a"));
        Claim first = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1");
        Claim second = claim("dr-a", at("09:15"), at("09:45"), "appointment:a-1");

        assertEquals(Optional.of(new ClaimConflict(second, rid("dr-a"))), claimAll(first, second));
        assertEquals(List.of(), active("dr-a"));
    }

    @Test
    void touchingClaimsBothFit() {
        seed(resource("dr-a"));
        Claim nine = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1");
        Claim halfPast = claim("dr-a", at("09:30"), at("10:00"), "appointment:a-2");
        Claim before = claim("dr-a", at("08:30"), at("09:00"), "appointment:a-3");

        assertEquals(Optional.empty(), claimAll(nine));
        assertEquals(Optional.empty(), claimAll(halfPast));
        assertEquals(Optional.empty(), claimAll(before));
        assertEquals(List.of(before, nine, halfPast), active("dr-a"));
    }

    @Test
    void touchingClaimsInOneListBothFit() {
        seed(resource("dr-a"));
        Claim nine = claim("dr-a", at("09:00"), at("09:30"), "series:s-1");
        Claim halfPast = claim("dr-a", at("09:30"), at("10:00"), "series:s-1");

        assertEquals(Optional.empty(), claimAll(halfPast, nine));
        assertEquals(List.of(nine, halfPast), active("dr-a"));
    }

    @Test
    void capacityTwoTakesTwoOverlappingClaimsAndRefusesTheThird() {
        seed(resource("group", 2));
        Claim first = claim("group", at("09:00"), at("10:00"), "appointment:a-1");
        Claim second = claim("group", at("09:30"), at("10:30"), "appointment:a-2");
        Claim third = claim("group", at("09:45"), at("09:50"), "appointment:a-3");

        assertEquals(Optional.empty(), claimAll(first));
        assertEquals(Optional.empty(), claimAll(second));
        assertEquals(Optional.of(new ClaimConflict(third, rid("group"))), claimAll(third));
        assertEquals(List.of(first, second), active("group"));
    }

    @Test
    void capacityCountsClaimsOverlappingAtTheSameInstantNotAnywhereInTheClaim() {
        seed(resource("group", 2));
        Claim nine = claim("group", at("09:00"), at("10:00"), "appointment:a-1");
        Claim ten = claim("group", at("10:00"), at("11:00"), "appointment:a-2");
        claimAll(nine);
        claimAll(ten);

        Claim across = claim("group", at("09:30"), at("10:30"), "appointment:a-3");
        assertEquals(Optional.empty(), claimAll(across),
                "two claims overlap it, but never at the same instant, so a capacity of 2 is not exceeded");

        Claim fourth = claim("group", at("09:55"), at("10:05"), "appointment:a-4");
        assertEquals(Optional.of(new ClaimConflict(fourth, rid("group"))), claimAll(fourth));
        Claim fifth = claim("group", at("10:30"), at("10:45"), "appointment:a-5");
        assertEquals(Optional.empty(), claimAll(fifth));
        assertEquals(List.of(nine, across, ten, fifth), active("group"));
    }

    @Test
    void capacityComesFromTheStoredResource() {
        seed(resource("dr-a"));
        claimAll(claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1"));
        Claim second = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-2");
        assertTrue(claimAll(second).isPresent());

        seed(resource("dr-a", 2));

        assertEquals(Optional.empty(), claimAll(second));
    }

    @Test
    void overCapacityClaimSkipsTheCheck() {
        seed(resource("dr-a"));
        Claim booked = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1");
        Claim overbooked = overCapacityClaim("dr-a", at("09:00"), at("09:30"), "appointment:a-2");
        claimAll(booked);

        assertEquals(Optional.empty(), claimAll(overbooked));

        assertEquals(2, active("dr-a").size());
        assertEquals(List.of(overbooked), owned("appointment:a-2"));
    }

    @Test
    void overCapacityClaimCountsAgainstLaterClaims() {
        seed(resource("dr-a"));
        claimAll(overCapacityClaim("dr-a", at("09:00"), at("09:30"), "appointment:a-1"));

        Claim later = claim("dr-a", at("09:15"), at("09:45"), "appointment:a-2");
        assertEquals(Optional.of(new ClaimConflict(later, rid("dr-a"))), claimAll(later));
    }

    @Test
    void expiredHoldClaimsDoNotCount() {
        seed(resource("dr-a"));
        Instant expiry = at("08:00");
        claimAll(holdClaim("dr-a", at("09:00"), at("09:30"), "hold:h-1", expiry));
        Claim booking = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1");

        assertEquals(Optional.of(new ClaimConflict(booking, rid("dr-a"))),
                write(tx -> tx.claims().claimAll(List.of(booking), expiry.minusSeconds(1))));
        assertEquals(Optional.empty(), write(tx -> tx.claims().claimAll(List.of(booking), expiry)),
                "a claim stops counting when its expiry is reached");
    }

    @Test
    void activeLeavesOutExpiredClaimsButOwnedKeepsThem() {
        seed(resource("dr-a"));
        Claim lapsing = holdClaim("dr-a", at("09:00"), at("09:30"), "hold:h-1", at("08:00"));
        claimAll(lapsing);

        assertEquals(List.of(lapsing), read(tx -> tx.claims().active(List.of(rid("dr-a")), DAY, END_OF_DAY,
                at("07:59"))));
        assertEquals(List.of(), read(tx -> tx.claims().active(List.of(rid("dr-a")), DAY, END_OF_DAY, at("08:00"))));
        assertEquals(List.of(lapsing), owned("hold:h-1"));
    }

    @Test
    void activeIsOrderedByResourceThenStartAndHonoursThePeriod() {
        seed(resource("dr-b"), resource("dr-a"), resource("dr-c"));
        Claim b10 = claim("dr-b", at("10:00"), at("10:30"), "appointment:a-1");
        Claim a11 = claim("dr-a", at("11:00"), at("11:30"), "appointment:a-2");
        Claim b9 = claim("dr-b", at("09:00"), at("09:30"), "appointment:a-3");
        Claim a9 = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-4");
        Claim c9 = claim("dr-c", at("09:00"), at("09:30"), "appointment:a-5");
        for (Claim c : List.of(b10, a11, b9, a9, c9)) {
            claimAll(c);
        }
        List<ResourceId> ab = List.of(rid("dr-b"), rid("dr-a"));

        assertEquals(List.of(a9, a11, b9, b10), read(tx -> tx.claims().active(ab, DAY, END_OF_DAY, NOW)));
        assertEquals(List.of(a9, b9), read(tx -> tx.claims().active(ab, at("09:00"), at("10:00"), NOW)));
        assertEquals(List.of(b10), read(tx -> tx.claims().active(ab, at("09:30"), at("11:00"), NOW)));
        assertEquals(List.of(a11, b10), read(tx -> tx.claims().active(ab, at("10:29"), at("11:01"), NOW)));
        assertEquals(List.of(), read(tx -> tx.claims().active(List.of(), DAY, END_OF_DAY, NOW)));
        assertEquals(List.of(), read(tx -> tx.claims().active(List.of(rid("dr-z")), DAY, END_OF_DAY, NOW)));
    }

    @Test
    void longClaimSpanningThePeriodIsActive() {
        seed(resource("dr-a", 2));
        Claim week = claim("dr-a", DAY.minus(Duration.ofDays(3)), DAY.plus(Duration.ofDays(4)), "leave:l-1");
        Claim shortOne = claim("dr-a", at("10:00"), at("10:05"), "appointment:a-1");
        claimAll(week);
        claimAll(shortOne);

        assertEquals(List.of(week), read(tx -> tx.claims().active(List.of(rid("dr-a")), at("09:00"), at("09:05"), NOW)));
        assertEquals(List.of(week, shortOne),
                read(tx -> tx.claims().active(List.of(rid("dr-a")), at("10:04"), at("10:30"), NOW)));
        Claim third = claim("dr-a", at("10:00"), at("10:15"), "appointment:a-2");
        assertEquals(Optional.of(new ClaimConflict(third, rid("dr-a"))), claimAll(third));
    }

    @Test
    void releaseRemovesEveryClaimOfTheOwnerAndFreesTheTime() {
        seed(resource("dr-a"), room("room-1"));
        claimAll(claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1"),
                claim("room-1", at("09:00"), at("09:30"), "appointment:a-1"));
        Claim other = claim("dr-a", at("10:00"), at("10:30"), "appointment:a-2");
        claimAll(other);

        assertEquals(2, (int) write(tx -> tx.claims().release("appointment:a-1")));

        assertEquals(List.of(), owned("appointment:a-1"));
        assertEquals(List.of(other), active("dr-a"));
        assertEquals(List.of(), active("room-1"));
        assertEquals(Optional.empty(), claimAll(claim("dr-a", at("09:00"), at("09:30"), "appointment:a-3")));
        assertEquals(0, (int) write(tx -> tx.claims().release("appointment:a-1")));
        assertEquals(0, (int) write(tx -> tx.claims().release("appointment:unknown")));
    }

    @Test
    void transferMovesClaimsToTheNewOwnerWithoutExpiry() {
        seed(resource("dr-a"), room("room-1"));
        Instant expiry = at("08:00");
        claimAll(holdClaim("room-1", at("09:00"), at("09:30"), "hold:h-1", expiry),
                holdClaim("dr-a", at("09:00"), at("09:30"), "hold:h-1", expiry));

        assertEquals(2, (int) write(tx -> tx.claims().transfer("hold:h-1", "appointment:a-1")));

        assertEquals(List.of(), owned("hold:h-1"));
        assertEquals(List.of(claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1"),
                claim("room-1", at("09:00"), at("09:30"), "appointment:a-1")), owned("appointment:a-1"));
        Claim late = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-2");
        assertEquals(Optional.of(new ClaimConflict(late, rid("dr-a"))),
                write(tx -> tx.claims().claimAll(List.of(late), at("12:00"))),
                "a transferred claim no longer expires");
        assertEquals(0, (int) write(tx -> tx.claims().transfer("hold:h-1", "appointment:a-3")));
    }

    @Test
    void ownedReturnsEveryClaimOfTheOwnerOrderedByResource() {
        seed(resource("dr-b"), resource("dr-a"), room("room-1"));
        Claim b = claim("dr-b", at("09:00"), at("09:30"), "series:s-1");
        Claim a = claim("dr-a", at("11:00"), at("11:30"), "series:s-1");
        Claim room = holdClaim("room-1", at("08:00"), at("08:30"), "series:s-1", NOW);
        claimAll(b, a);
        claimAll(room);
        claimAll(claim("dr-a", at("09:00"), at("09:30"), "appointment:a-9"));

        assertEquals(List.of(a, b, room), owned("series:s-1"));
        assertEquals(List.of(), owned("series:s-2"));
    }

    @Test
    void unknownResourceIsNotFoundAndAddsNothing() {
        seed(resource("dr-a"));
        Claim known = claim("dr-a", at("09:00"), at("09:30"), "appointment:a-1");
        Claim unknown = claim("dr-unknown", at("09:00"), at("09:30"), "appointment:a-1");

        NotFoundException e = assertThrows(NotFoundException.class,
                () -> write(tx -> tx.claims().claimAll(List.of(known, unknown), NOW)));

        assertEquals("dr-unknown", e.id());
        assertEquals(List.of(), owned("appointment:a-1"));
        assertEquals(List.of(), active("dr-a"));
    }

    @Test
    void concurrentUnitsNeverOverbook() {
        List<String> resources = List.of("dr-a", "dr-b", "dr-c");
        seed(resource("dr-a"), resource("dr-b"), resource("dr-c"));
        int threads = 8;
        int perThread = 120;
        Map<String, List<Claim>> granted = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();

        Concurrently.run(threads, t -> {
            Random random = new Random(31L * t + 7);
            for (int i = 0; i < perThread; i++) {
                String owner = "appointment:t" + t + "-" + i;
                Instant start = at("08:00").plus(Duration.ofMinutes(5L * random.nextInt(96)));
                Instant end = start.plus(Duration.ofMinutes(5L + 5L * random.nextInt(6)));
                List<Claim> claims = new ArrayList<>();
                int first = random.nextInt(3);
                claims.add(claim(resources.get(first), start, end, owner));
                if (random.nextBoolean()) {
                    claims.add(claim(resources.get((first + 1 + random.nextInt(2)) % 3), start, end, owner));
                }
                Optional<ClaimConflict> conflict = write(tx -> tx.claims().claimAll(claims, NOW));
                if (conflict.isEmpty()) {
                    granted.put(owner, claims);
                } else {
                    refused.incrementAndGet();
                    assertTrue(claims.contains(conflict.get().refused()), "the conflict names a claim of the list");
                }
            }
        });

        List<Claim> stored = read(tx -> tx.claims().active(
                resources.stream().map(ResourceId::of).collect(Collectors.toList()), DAY, END_OF_DAY, NOW));
        int grantedClaims = granted.values().stream().mapToInt(List::size).sum();
        assertEquals(grantedClaims, stored.size(), "every granted claim is stored, and nothing else");
        assertFalse(granted.isEmpty());
        assertTrue(refused.get() > 0, "the test must create contention");
        assertNoOverlaps(stored);
        Map<String, List<Claim>> ownedByOwner = read(tx -> {
            Map<String, List<Claim>> found = new HashMap<>();
            for (int t = 0; t < threads; t++) {
                for (int i = 0; i < perThread; i++) {
                    String owner = "appointment:t" + t + "-" + i;
                    found.put(owner, tx.claims().owned(owner));
                }
            }
            return found;
        });
        for (Map.Entry<String, List<Claim>> entry : ownedByOwner.entrySet()) {
            Set<Claim> expected = new HashSet<>(granted.getOrDefault(entry.getKey(), List.of()));
            assertEquals(expected, new HashSet<>(entry.getValue()), entry.getKey());
        }
    }

    @Test
    void randomClaimSequencesAgreeWithAListModel() {
        for (int run = 0; run < 60; run++) {
            long seed = 1_000L + run;
            Random random = new Random(seed);
            int capacity = 1 + run % 3;
            ResourceId a = rid("m" + run + "-a");
            ResourceId b = rid("m" + run + "-b");
            seed(resource(a.value(), capacity), resource(b.value(), 1));
            ClaimModel model = new ClaimModel(Map.of(a, capacity, b, 1));
            List<String> owners = new ArrayList<>();
            List<String> steps = new ArrayList<>();
            Supplier<String> context = () -> "seed " + seed + ", capacity " + capacity + ", steps " + steps;
            int length = 1 + random.nextInt(20);
            for (int step = 0; step < length; step++) {
                if (!owners.isEmpty() && random.nextInt(6) == 0) {
                    String owner = owners.get(random.nextInt(owners.size()));
                    steps.add("release " + owner);
                    assertEquals(model.release(owner), (int) write(tx -> tx.claims().release(owner)), context);
                } else {
                    String owner = "m" + run + ":o" + step;
                    owners.add(owner);
                    int size = 1 + random.nextInt(3);
                    List<Claim> claims = new ArrayList<>();
                    for (int k = 0; k < size; k++) {
                        claims.add(randomClaim(random, random.nextBoolean() ? a : b, owner, k == size - 1));
                    }
                    steps.add("claimAll " + claims);
                    Optional<ClaimConflict> expected = model.claimAll(claims, NOW);
                    assertEquals(expected, write(tx -> tx.claims().claimAll(claims, NOW)), context);
                }
            }
            List<ResourceId> both = List.of(a, b);
            assertEquals(sorted(model.active(NOW)), sorted(read(tx -> tx.claims().active(both, DAY, END_OF_DAY, NOW))),
                    context);
            for (String owner : owners) {
                assertEquals(sorted(model.owned(owner)), sorted(owned(owner)), context);
            }
        }
    }

    /**
     * A claim on the 5-minute grid from 08:00 to 10:30. Whether an already-expired claim counts
     * against later claims of its own list is left open (core never adds one), so only the last
     * claim of a list may be expired.
     */
    private static Claim randomClaim(Random random, ResourceId resource, String owner, boolean last) {
        Instant start = at("08:00").plus(Duration.ofMinutes(5L * random.nextInt(24)));
        Instant end = start.plus(Duration.ofMinutes(5L + 5L * random.nextInt(6)));
        int kind = random.nextInt(10);
        Optional<Instant> expiry = kind < 6 ? Optional.empty()
                : kind < 8 ? Optional.of(NOW.plus(Duration.ofMinutes(10)))
                : last ? Optional.of(NOW) : Optional.empty();
        return new Claim(resource, start, end, owner, expiry, random.nextInt(10) == 0);
    }

    private static List<Claim> sorted(List<Claim> claims) {
        List<Claim> copy = new ArrayList<>(claims);
        copy.sort(Comparator.comparing((Claim c) -> c.resource().value()).thenComparing(Claim::start)
                .thenComparing(Claim::end).thenComparing(Claim::owner)
                .thenComparing(c -> c.expiresAt().orElse(Instant.MIN)).thenComparing(Claim::overCapacity));
        return copy;
    }

    private static void assertNoOverlaps(Collection<Claim> claims) {
        Map<ResourceId, List<Claim>> byResource = claims.stream().collect(Collectors.groupingBy(Claim::resource));
        for (List<Claim> list : byResource.values()) {
            List<Claim> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(Claim::start));
            for (int i = 1; i < sorted.size(); i++) {
                Claim previous = sorted.get(i - 1);
                Claim next = sorted.get(i);
                assertFalse(next.start().isBefore(previous.end()), "overbooked: " + previous + " and " + next);
            }
        }
    }

    private Optional<ClaimConflict> claimAll(Claim... claims) {
        List<Claim> list = List.of(claims);
        return write(tx -> tx.claims().claimAll(list, NOW));
    }

    private List<Claim> active(String resource) {
        ResourceId id = rid(resource);
        return read(tx -> tx.claims().active(List.of(id), DAY, END_OF_DAY, NOW));
    }

    private List<Claim> owned(String owner) {
        return read(tx -> tx.claims().owned(owner));
    }
}
