package org.medcoord.example.vendorstorage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.ClaimConflict;
import org.medcoord.spi.storage.ClaimStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Claims in the {@code claim} table. Capacity is checked inside the writing unit, and writing units
 * run one at a time on the file (see {@link VendorStorage}), so no other unit can add a claim
 * between the check and the insert.
 */
final class SqliteClaimStore implements ClaimStore {
    private static final String COLUMNS = "SELECT resource, start_ns, end_ns, owner, expires_ns, over_capacity FROM claim ";

    private final UnitBinding<SqliteUnit> binding;

    SqliteClaimStore(UnitBinding<SqliteUnit> binding) {
        this.binding = binding;
    }

    @Override
    public Optional<ClaimConflict> claimAll(List<Claim> claims, Instant now) {
        Connection c = binding.writing().connection();
        Map<ResourceId, Integer> capacities = new HashMap<>();
        for (Claim claim : claims) {
            if (!capacities.containsKey(claim.resource())) {
                capacities.put(claim.resource(), capacity(c, claim.resource()));
            }
        }
        List<Claim> earlier = new ArrayList<>();
        for (Claim claim : claims) {
            if (!claim.overCapacity()) {
                List<Claim> overlapping = new ArrayList<>(stored(c, claim, now));
                for (Claim e : earlier) {
                    if (e.resource().equals(claim.resource()) && e.overlaps(claim.start(), claim.end())) {
                        overlapping.add(e);
                    }
                }
                if (mostAtOneInstant(claim, overlapping) >= capacities.get(claim.resource())) {
                    return Optional.of(new ClaimConflict(claim, claim.resource()));
                }
            }
            earlier.add(claim);
        }
        for (Claim claim : claims) {
            Sql.update(c, "adding a claim of " + claim.owner(),
                    "INSERT INTO claim (resource, start_ns, end_ns, owner, expires_ns, over_capacity) "
                            + "VALUES (?, ?, ?, ?, ?, ?)",
                    claim.resource().value(), Sql.stored("start", claim.start()), Sql.stored("end", claim.end()),
                    claim.owner(), claim.expiresAt().map(e -> (Object) Sql.stored("expiresAt", e)).orElse(null),
                    claim.overCapacity());
        }
        return Optional.empty();
    }

    @Override
    public int release(String owner) {
        return Sql.update(binding.writing().connection(), "releasing the claims of " + owner,
                "DELETE FROM claim WHERE owner = ?", owner);
    }

    @Override
    public int transfer(String fromOwner, String toOwner) {
        return Sql.update(binding.writing().connection(), "moving the claims of " + fromOwner,
                "UPDATE claim SET owner = ?, expires_ns = NULL WHERE owner = ?", toOwner, fromOwner);
    }

    @Override
    public List<Claim> active(Collection<ResourceId> resources, Instant from, Instant to, Instant now) {
        Connection c = binding.reading().connection();
        if (resources.isEmpty()) {
            return List.of();
        }
        return Sql.list(c, "reading active claims",
                COLUMNS + "WHERE resource IN (" + Sql.marks(resources.size()) + ") AND start_ns < ? AND end_ns > ? "
                        + "AND (expires_ns IS NULL OR expires_ns > ?) ORDER BY resource, start_ns, seq",
                SqliteClaimStore::claim,
                Sql.parameters(SqliteScheduleStore.ids(resources), Sql.bound(to), Sql.bound(from), Sql.bound(now)));
    }

    @Override
    public List<Claim> owned(String owner) {
        return Sql.list(binding.reading().connection(), "reading the claims of " + owner,
                COLUMNS + "WHERE owner = ? ORDER BY resource, start_ns, seq", SqliteClaimStore::claim, owner);
    }

    private static int capacity(Connection c, ResourceId resource) {
        return Sql.one(c, "reading the capacity of resource " + resource, "SELECT capacity FROM resource WHERE id = ?",
                row -> row.getInt(1), resource.value())
                .orElseThrow(() -> new NotFoundException("resource", resource.value()));
    }

    /** The stored claims of the claim's resource that overlap it and are active at {@code now}. */
    private static List<Claim> stored(Connection c, Claim claim, Instant now) {
        return Sql.list(c, "reading the claims of resource " + claim.resource(),
                COLUMNS + "WHERE resource = ? AND start_ns < ? AND end_ns > ? AND (expires_ns IS NULL OR expires_ns > ?)",
                SqliteClaimStore::claim, claim.resource().value(), Sql.stored("end", claim.end()),
                Sql.stored("start", claim.start()), Sql.bound(now));
    }

    /**
     * The most of the given claims that cover one instant of the new claim. The cover only rises at
     * a start, so it is enough to count at the new claim's start and at each start inside it.
     */
    static int mostAtOneInstant(Claim claim, List<Claim> overlapping) {
        List<Instant> points = new ArrayList<>();
        points.add(claim.start());
        for (Claim o : overlapping) {
            if (o.start().isAfter(claim.start()) && o.start().isBefore(claim.end())) {
                points.add(o.start());
            }
        }
        int most = 0;
        for (Instant point : points) {
            int cover = 0;
            for (Claim o : overlapping) {
                if (!o.start().isAfter(point) && point.isBefore(o.end())) {
                    cover++;
                }
            }
            most = Math.max(most, cover);
        }
        return most;
    }

    private static Claim claim(ResultSet row) throws SQLException {
        long expires = row.getLong(5);
        Optional<Instant> expiresAt = row.wasNull() ? Optional.empty() : Optional.of(Sql.instant(expires));
        return new Claim(ResourceId.of(row.getString(1)), Sql.instant(row.getLong(2)), Sql.instant(row.getLong(3)),
                row.getString(4), expiresAt, row.getInt(6) != 0);
    }
}
