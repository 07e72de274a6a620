package org.medcoord.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.ClaimConflict;
import org.medcoord.spi.storage.ClaimStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Claims indexed per resource by start (then owner, then insertion order; see
 * {@link IntervalIndex}) and per owner. The capacity check sweeps over the active claims
 * overlapping the new one, so it costs O(log n + k log k) for k overlapping claims. Units are serialized by the storage's write lock,
 * which is what makes the check hold against concurrent units.
 */
final class MemoryClaimStore implements ClaimStore {
    private static final Comparator<StoredClaim> BY_RESOURCE_THEN_KEY =
            Comparator.comparing((StoredClaim s) -> s.claim().resource().value()).thenComparing(StoredClaim::key);

    private final UnitBinding<Unit> units;
    private final MemoryScheduleStore schedule;
    private final Map<ResourceId, IntervalIndex<StoredClaim>> byResource = new HashMap<>();
    private final Map<String, Map<Long, StoredClaim>> byOwner = new HashMap<>();
    private long nextSeq;

    MemoryClaimStore(UnitBinding<Unit> units, MemoryScheduleStore schedule) {
        this.units = units;
        this.schedule = schedule;
    }

    @Override
    public Optional<ClaimConflict> claimAll(List<Claim> claims, Instant now) {
        Objects.requireNonNull(now, "now");
        List<Claim> list = List.copyOf(Objects.requireNonNull(claims, "claims"));
        Unit unit = units.writing();
        Map<ResourceId, Integer> capacities = new HashMap<>();
        for (Claim claim : list) {
            capacities.computeIfAbsent(claim.resource(), id -> schedule.stored(id).map(Resource::capacity)
                    .orElseThrow(() -> new NotFoundException("resource", id.value())));
        }
        List<StoredClaim> added = new ArrayList<>();
        Set<Long> addedSeqs = new HashSet<>();
        for (Claim claim : list) {
            if (!claim.overCapacity() && peak(claim, now, addedSeqs) >= capacities.get(claim.resource())) {
                for (int i = added.size() - 1; i >= 0; i--) {
                    remove(added.get(i));
                }
                return Optional.of(new ClaimConflict(claim, claim.resource()));
            }
            StoredClaim stored = new StoredClaim(new IntervalIndex.Key(claim.start(), claim.owner(), nextSeq++), claim);
            add(stored);
            added.add(stored);
            addedSeqs.add(stored.key().seq());
        }
        unit.onRollback(() -> {
            for (int i = added.size() - 1; i >= 0; i--) {
                remove(added.get(i));
            }
        });
        return Optional.empty();
    }

    @Override
    public int release(String owner) {
        Objects.requireNonNull(owner, "owner");
        Unit unit = units.writing();
        List<StoredClaim> released = ownedBy(owner);
        released.forEach(this::remove);
        unit.onRollback(() -> released.forEach(this::add));
        return released.size();
    }

    @Override
    public int transfer(String fromOwner, String toOwner) {
        Objects.requireNonNull(fromOwner, "fromOwner");
        Objects.requireNonNull(toOwner, "toOwner");
        Unit unit = units.writing();
        List<StoredClaim> moving = ownedBy(fromOwner);
        List<StoredClaim> moved = new ArrayList<>();
        for (StoredClaim s : moving) {
            Claim c = s.claim();
            Claim transferred = new Claim(c.resource(), c.start(), c.end(), toOwner, Optional.empty(), c.overCapacity());
            moved.add(new StoredClaim(new IntervalIndex.Key(c.start(), toOwner, s.key().seq()), transferred));
        }
        moving.forEach(this::remove);
        moved.forEach(this::add);
        unit.onRollback(() -> {
            moved.forEach(this::remove);
            moving.forEach(this::add);
        });
        return moved.size();
    }

    @Override
    public List<Claim> active(Collection<ResourceId> resources, Instant from, Instant to, Instant now) {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        units.reading();
        TreeSet<ResourceId> ordered = new TreeSet<>(Comparator.comparing(ResourceId::value));
        ordered.addAll(resources);
        List<Claim> found = new ArrayList<>();
        for (ResourceId resource : ordered) {
            IntervalIndex<StoredClaim> index = byResource.get(resource);
            if (index != null) {
                for (StoredClaim s : index.candidates(from, to)) {
                    if (s.claim().activeAt(now) && s.claim().overlaps(from, to)) {
                        found.add(s.claim());
                    }
                }
            }
        }
        return Collections.unmodifiableList(found);
    }

    @Override
    public List<Claim> owned(String owner) {
        Objects.requireNonNull(owner, "owner");
        units.reading();
        return ownedBy(owner).stream().map(StoredClaim::claim).toList();
    }

    /** The owner's claims, ordered by resource id then start. */
    private List<StoredClaim> ownedBy(String owner) {
        Map<Long, StoredClaim> claims = byOwner.get(owner);
        if (claims == null) {
            return new ArrayList<>();
        }
        List<StoredClaim> list = new ArrayList<>(claims.values());
        list.sort(BY_RESOURCE_THEN_KEY);
        return list;
    }

    /**
     * The most claims counted against {@code claim} at any one instant of it: claims active at
     * {@code now} and those added earlier in the same list. A sweep over their start and end points
     * clipped to the claim; at equal instants ends come first, since intervals are half-open.
     */
    private int peak(Claim claim, Instant now, Set<Long> addedSeqs) {
        IntervalIndex<StoredClaim> index = byResource.get(claim.resource());
        if (index == null) {
            return 0;
        }
        List<Instant> starts = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        for (StoredClaim s : index.candidates(claim.start(), claim.end())) {
            Claim other = s.claim();
            if (other.overlaps(claim.start(), claim.end())
                    && (other.activeAt(now) || addedSeqs.contains(s.key().seq()))) {
                starts.add(other.start().isAfter(claim.start()) ? other.start() : claim.start());
                ends.add(other.end().isBefore(claim.end()) ? other.end() : claim.end());
            }
        }
        if (starts.size() <= 1) {
            return starts.size();
        }
        Collections.sort(starts);
        Collections.sort(ends);
        int current = 0;
        int peak = 0;
        int e = 0;
        for (Instant start : starts) {
            while (!ends.get(e).isAfter(start)) {
                current--;
                e++;
            }
            current++;
            peak = Math.max(peak, current);
        }
        return peak;
    }

    private void add(StoredClaim s) {
        Claim c = s.claim();
        byResource.computeIfAbsent(c.resource(), r -> new IntervalIndex<>()).put(s.key(), c.end(), s);
        byOwner.computeIfAbsent(c.owner(), o -> new LinkedHashMap<>()).put(s.key().seq(), s);
    }

    private void remove(StoredClaim s) {
        Claim c = s.claim();
        byResource.get(c.resource()).remove(s.key(), c.end());
        Map<Long, StoredClaim> owned = byOwner.get(c.owner());
        owned.remove(s.key().seq());
        if (owned.isEmpty()) {
            byOwner.remove(c.owner());
        }
    }

    /** A claim and its place in the per-resource index. */
    private record StoredClaim(IntervalIndex.Key key, Claim claim) {
    }
}
