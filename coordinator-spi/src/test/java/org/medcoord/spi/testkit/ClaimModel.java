package org.medcoord.spi.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.ClaimConflict;

/**
 * The obviously correct claim store: a list, with capacity checked by counting the claims that
 * cover each start point inside a new claim (a different algorithm from an adapter's sweep).
 */
final class ClaimModel {
    private final Map<ResourceId, Integer> capacities;
    private final List<Claim> claims = new ArrayList<>();

    ClaimModel(Map<ResourceId, Integer> capacities) {
        this.capacities = Map.copyOf(capacities);
    }

    Optional<ClaimConflict> claimAll(List<Claim> added, Instant now) {
        List<Claim> counted = claims.stream().filter(c -> c.activeAt(now)).collect(Collectors.toList());
        for (Claim claim : added) {
            if (!claim.overCapacity() && maxCover(counted, claim) >= capacities.get(claim.resource())) {
                return Optional.of(new ClaimConflict(claim, claim.resource()));
            }
            counted.add(claim);
        }
        claims.addAll(added);
        return Optional.empty();
    }

    int release(String owner) {
        int before = claims.size();
        claims.removeIf(c -> c.owner().equals(owner));
        return before - claims.size();
    }

    List<Claim> active(Instant now) {
        return claims.stream().filter(c -> c.activeAt(now)).collect(Collectors.toList());
    }

    List<Claim> owned(String owner) {
        return claims.stream().filter(c -> c.owner().equals(owner)).collect(Collectors.toList());
    }

    /** The most claims of the new claim's resource covering any one instant of it. */
    private static int maxCover(List<Claim> counted, Claim claim) {
        List<Instant> points = new ArrayList<>();
        points.add(claim.start());
        for (Claim c : counted) {
            if (c.resource().equals(claim.resource()) && c.start().isAfter(claim.start())
                    && c.start().isBefore(claim.end())) {
                points.add(c.start());
            }
        }
        int most = 0;
        for (Instant p : points) {
            int cover = 0;
            for (Claim c : counted) {
                if (c.resource().equals(claim.resource()) && !c.start().isAfter(p) && p.isBefore(c.end())) {
                    cover++;
                }
            }
            most = Math.max(most, cover);
        }
        return most;
    }
}
