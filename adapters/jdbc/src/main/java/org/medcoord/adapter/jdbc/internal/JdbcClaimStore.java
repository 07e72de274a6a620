package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medcoord.api.common.NotFoundException;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.spi.storage.Claim;
import org.medcoord.spi.storage.ClaimConflict;
import org.medcoord.spi.storage.ClaimStore;
import org.medcoord.spi.storage.support.UnitBinding;

/**
 * Claims, with capacity enforced by the store, across connections and processes.
 *
 * <p><b>How {@link #claimAll} decides.</b> One statement reads the capacities of the claimed
 * resources together with every stored claim overlapping the span of the new ones. A sweep over
 * their start and end points (as in the memory store) then checks each new claim in list order
 * against the claims active at {@code now} and the new claims before it. Nothing is written until
 * every claim fits, so a refused list leaves no trace.
 *
 * <p><b>Unknown resources.</b> A claim is written only for a resource read in the same statement
 * (the guarded insert joins {@code resources}) or earlier in the unit (the capacities read refuses
 * an unknown id with {@link NotFoundException}). On PostgreSQL that is the whole check: since V7
 * {@code claims.resource_id} is no foreign key, so a claim no longer locks its resource row
 * {@code FOR KEY SHARE} (on one busy resource, concurrent bookings shared that lock as a
 * MultiXact). Resources are never deleted through the adapter.
 *
 * <p>On PostgreSQL, when every new claim would be exclusive (not over capacity, active at
 * {@code now}), one insert is tried first that checks capacity 1 and the overlap itself and lets
 * the exclusion constraint decide races; only when it skips a row does the store fall back to the
 * read and sweep below (which also names the conflict).
 *
 * <p><b>What makes the check hold against other transactions.</b>
 * <ul>
 *   <li>H2 (one process): writing units on one database file take turns (see {@link Engine}: the
 *       writer lock is shared by every storage opened on that file in the JVM, and no other
 *       process can open it), so nothing can commit between the read and the insert. No row lock
 *       is taken: on H2 a {@code SELECT ... FOR UPDATE} is a write, one more tree to store at
 *       every commit.</li>
 *   <li>PostgreSQL, capacity 1: no lock. Each claim is written with {@code exclusive = true} when
 *       its resource has capacity 1, it is not over capacity and it is active at {@code now}; the
 *       exclusion constraint {@code claims_no_overlap} (btree_gist,
 *       {@code int8range(start_ns, end_ns) &&}, exact to the nanosecond) refuses
 *       any two overlapping exclusive claims, whichever node writes them. The insert uses
 *       {@code ON CONFLICT ON CONSTRAINT claims_no_overlap DO NOTHING RETURNING}, so a lost race
 *       skips the row instead of aborting the transaction; the rows that did go in are deleted
 *       again and the first skipped claim is returned as the conflict. Expired hold claims that
 *       overlap a new exclusive claim are first marked {@code exclusive = false} (never deleted:
 *       {@link #owned} still returns them), so only claims active at {@code now} block.</li>
 *   <li>PostgreSQL, capacity above 1: the resource rows are locked {@code FOR UPDATE} in sorted
 *       id order and the read is repeated under the lock.</li>
 *   <li>A deadlock or serialization failure (40P01, 40001) or an exclusion violation (23P01) on
 *       either database is returned as a conflict, never thrown; the database has then rolled the
 *       transaction back, so the unit refuses further statements and its commit.</li>
 * </ul>
 */
final class JdbcClaimStore extends StoreBase implements ClaimStore {
    private static final String CLAIM_COLUMNS = "resource_id, start_ns, end_ns, owner, expires_ns, over_capacity";
    private static final Comparator<Claim> INSERT_ORDER =
            Comparator.comparing((Claim c) -> c.resource().value()).thenComparing(Claim::start);

    private final String capacitiesAndClaims;
    private final String lockMany;
    private final String insert;
    private final String unexclude;
    private final String undo;
    private final String release;
    private final String transfer;
    private final String active;
    private final String owned;
    private final String insertExclusive;

    JdbcClaimStore(UnitBinding<Unit> units, Dialect dialect, Tables tables) {
        super(units, dialect, tables);
        boolean pg = dialect.hasExclusionConstraint();
        capacitiesAndClaims = pg
                ? "WITH q AS MATERIALIZED (SELECT ?::bigint AS t, ?::bigint AS f, ?::varchar[] AS ids)"
                        + " SELECT r.id, r.capacity, c.id AS claim_id, c.start_ns, c.end_ns, c.expires_ns, c.exclusive"
                        + " FROM q JOIN " + tables.resources() + " r ON r.id = ANY(q.ids) LEFT JOIN LATERAL ("
                        + overlapping(tables, "x.id, x.start_ns, x.end_ns, x.expires_ns, x.exclusive", false)
                        + ") c ON TRUE"
                : "SELECT r.id, r.capacity, c.id AS claim_id, c.start_ns, c.end_ns, c.expires_ns FROM "
                        + tables.resources() + " r LEFT JOIN " + tables.claims()
                        + " c ON c.resource_id = r.id AND c.start_ns < ? AND c.end_ns > ? WHERE r.id = ANY(?)";
        lockMany = "SELECT id FROM " + tables.resources() + " WHERE id = ANY(?) ORDER BY id FOR UPDATE";
        insert = pg
                ? "INSERT INTO " + tables.claims() + " (" + CLAIM_COLUMNS + ", exclusive) SELECT * FROM unnest("
                        + "?::varchar[], ?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[], ?::boolean[], ?::boolean[])"
                        + " ON CONFLICT ON CONSTRAINT claims_no_overlap DO NOTHING RETURNING id, " + CLAIM_COLUMNS
                : "INSERT INTO " + tables.claims() + " (" + CLAIM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
        unexclude = "UPDATE " + tables.claims() + " SET exclusive = FALSE WHERE id = ANY(?)";
        undo = "DELETE FROM " + tables.claims() + " WHERE id = ANY(?)";
        release = "DELETE FROM " + tables.claims() + " WHERE owner = ?";
        transfer = "UPDATE " + tables.claims() + " SET owner = ?, expires_ns = NULL WHERE owner = ?";
        // On H2, "resource_id = ANY(?)" picks the single-column index of the foreign key and reads
        // every claim of the resources; joining a table of the ids instead makes it seek the
        // (resource_id, end_ns) index once per resource, from the window's start.
        active = dialect == Dialect.H2
                ? "SELECT c.resource_id, c.start_ns, c.end_ns, c.owner, c.expires_ns, c.over_capacity FROM "
                        + Dialect.H2_ID_TABLE + " JOIN " + tables.claims() + " c ON c.resource_id = t.id"
                        + " WHERE c.start_ns < ? AND c.end_ns > ? AND (c.expires_ns IS NULL OR c.expires_ns > ?)"
                        + " ORDER BY c.resource_id, c.start_ns, c.owner, c.id"
                : "WITH q AS MATERIALIZED (SELECT ?::varchar[] AS ids, ?::bigint AS t, ?::bigint AS f,"
                        + " ?::bigint AS n) SELECT c.resource_id, c.start_ns, c.end_ns, c.owner, c.expires_ns,"
                        + " c.over_capacity FROM q CROSS JOIN unnest(q.ids) AS r(id) CROSS JOIN LATERAL ("
                        + overlapping(tables, "x.id, x.resource_id, x.start_ns, x.end_ns, x.owner, x.expires_ns,"
                                + " x.over_capacity", true)
                        + ") c ORDER BY c.resource_id, c.start_ns, c.owner, c.id";
        owned = "SELECT " + CLAIM_COLUMNS + " FROM " + tables.claims() + " WHERE owner = ? ORDER BY resource_id, start_ns, id";
        // PostgreSQL, capacity 1: the capacity and the overlap are checked by the insert itself, so
        // a booking that fits costs one statement. A row is skipped when its resource is unknown or
        // shared, when an active claim that is not exclusive overlaps it (read in the statement's
        // snapshot, through the small partial index claims_shared_by_resource_end), or when the
        // exclusion constraint finds an overlapping exclusive claim, active or not (committed, or in
        // flight on another connection: the insert then waits for it, as any exclusive insert
        // does). Exclusive claims are left to the constraint's GiST index, which finds overlaps
        // without reading every later claim of the resource as a (resource_id, end_ns) range does.
        insertExclusive = pg
                ? "INSERT INTO " + tables.claims() + " (" + CLAIM_COLUMNS + ", exclusive)"
                        + " SELECT n.rid, n.s, n.e, n.own, n.exp, FALSE, TRUE FROM unnest(?::varchar[], ?::bigint[],"
                        + " ?::bigint[], ?::varchar[], ?::bigint[]) WITH ORDINALITY AS n(rid, s, e, own, exp, i)"
                        + " JOIN " + tables.resources() + " r ON r.id = n.rid AND r.capacity = 1"
                        + " WHERE NOT EXISTS (SELECT 1 FROM " + tables.claims() + " c WHERE c.resource_id = n.rid"
                        + " AND NOT c.exclusive AND c.end_ns > n.s AND c.start_ns < n.e"
                        + " AND (c.expires_ns IS NULL OR c.expires_ns > ?))"
                        + " ORDER BY n.i ON CONFLICT ON CONSTRAINT claims_no_overlap DO NOTHING RETURNING id"
                : null;
    }

    /**
     * PostgreSQL: the claims of resource {@code r.id} overlapping {@code [q.f, q.t)}, active at
     * {@code q.n} if {@code activeOnly}, for a LATERAL join. Each claim is in exactly one of two
     * partial indexes: exclusive claims in the exclusion constraint's GiST index, which finds the
     * overlapping ones directly, and the others in {@code claims_shared_by_resource_end}. (A
     * {@code (resource_id, end_ns)} range reads every claim of the resource that ends after
     * {@code q.f}, however far ahead.) The parameters come through a materialized CTE, so that the
     * planner costs every call alike and keeps one generic plan instead of planning each call.
     */
    private static String overlapping(Tables tables, String columns, boolean activeOnly) {
        String active = activeOnly ? " AND (x.expires_ns IS NULL OR x.expires_ns > q.n)" : "";
        return "SELECT " + columns + " FROM " + tables.claims() + " x WHERE x.resource_id = r.id AND x.exclusive"
                + " AND int8range(x.start_ns, x.end_ns) && int8range(LEAST(q.f, q.t), q.t)" + active
                + " UNION ALL SELECT " + columns + " FROM " + tables.claims() + " x WHERE x.resource_id = r.id"
                + " AND NOT x.exclusive AND x.end_ns > q.f AND x.start_ns < q.t" + active;
    }

    @Override
    public Optional<ClaimConflict> claimAll(List<Claim> claims, Instant now) {
        Objects.requireNonNull(now, "now");
        List<Claim> list = List.copyOf(Objects.requireNonNull(claims, "claims"));
        Connection connection = writing();
        Session session = units.writing().session();
        if (list.isEmpty()) {
            return Optional.empty();
        }
        List<New> added = new ArrayList<>(list.size());
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        TreeSet<String> resources = new TreeSet<>();
        for (int i = 0; i < list.size(); i++) {
            New n = New.of(list.get(i), i);
            added.add(n);
            from = Math.min(from, n.start);
            to = Math.max(to, n.end);
            resources.add(n.claim.resource().value());
        }
        long nowNs = Nanos.bound(now);
        try {
            if (insertExclusive != null && allExclusive(added, nowNs) && insertedExclusive(connection, added, nowNs)) {
                return Optional.empty();
            }
            Snapshot snapshot;
            if (dialect == Dialect.H2) {
                snapshot = read(connection, resources, from, to);
            } else {
                snapshot = read(connection, resources, from, to);
                Set<String> shared = snapshot.sharedResources();
                if (!shared.isEmpty()) {
                    lockAll(connection, shared);
                    snapshot = read(connection, resources, from, to);
                }
            }
            for (New n : added) {
                if (!snapshot.capacity.containsKey(n.claim.resource().value())) {
                    throw new NotFoundException("resource", n.claim.resource().value());
                }
            }
            Optional<ClaimConflict> refused = sweep(added, snapshot, nowNs);
            if (refused.isPresent()) {
                return refused;
            }
            return dialect.hasExclusionConstraint() ? insertGuarded(connection, added, snapshot, nowNs)
                    : insertLocked(connection, added);
        } catch (SQLException e) {
            if (SqlFailures.isLostRace(e)) {
                session.rolledBack("lost a race for time on resources " + resources + ", SQLState "
                        + SqlFailures.state(e));
                Claim first = list.get(0);
                return Optional.of(new ClaimConflict(first, first.resource()));
            }
            throw SqlFailures.translate(e, "claim time on resources " + resources);
        }
    }

    @Override
    public int release(String owner) {
        Objects.requireNonNull(owner, "owner");
        return Sql.update(writing(), release, s -> s.setString(1, owner), "release the claims of an owner");
    }

    @Override
    public int transfer(String fromOwner, String toOwner) {
        Objects.requireNonNull(fromOwner, "fromOwner");
        Objects.requireNonNull(toOwner, "toOwner");
        return Sql.update(writing(), transfer, s -> {
            s.setString(1, toOwner);
            s.setString(2, fromOwner);
        }, "transfer claims between owners");
    }

    @Override
    public List<Claim> active(Collection<ResourceId> resources, Instant from, Instant to, Instant now) {
        Set<String> ids = JdbcScheduleStore.ids(resources);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        if (ids.isEmpty()) {
            return List.of();
        }
        Connection connection = reading();
        return Sql.list(connection, active, s -> {
            s.setArray(1, dialect.textArray(connection, ids));
            s.setLong(2, Nanos.bound(to));
            s.setLong(3, Nanos.bound(from));
            s.setLong(4, Nanos.bound(now));
        }, JdbcClaimStore::claim, "list active claims");
    }

    /** The statement behind {@link #active}: resource ids (array), to, from, now. */
    String activeSql() {
        return active;
    }

    @Override
    public List<Claim> owned(String owner) {
        Objects.requireNonNull(owner, "owner");
        return Sql.list(reading(), owned, s -> s.setString(1, owner), JdbcClaimStore::claim,
                "list the claims of an owner");
    }

    /** Whether every new claim would be exclusive if its resource has capacity 1. */
    private static boolean allExclusive(List<New> added, long now) {
        for (New n : added) {
            if (n.claim.overCapacity() || (n.expires != null && n.expires <= now)) {
                return false;
            }
        }
        return true;
    }

    /**
     * PostgreSQL: tries to add every claim as exclusive in one statement. When a row was skipped
     * (see {@link #insertExclusive}), the rows that went in are deleted again and the caller
     * decides with the full read, which also finds the conflict to report.
     */
    private boolean insertedExclusive(Connection connection, List<New> added, long now) throws SQLException {
        List<New> ordered = insertOrder(added);
        List<Long> insertedIds = new ArrayList<>(ordered.size());
        try (PreparedStatement s = connection.prepareStatement(insertExclusive)) {
            bindColumns(connection, s, ordered);
            s.setLong(6, now);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    insertedIds.add(rows.getLong(1));
                }
            }
        }
        if (insertedIds.size() == ordered.size()) {
            return true;
        }
        deleteInserted(connection, insertedIds);
        return false;
    }

    /** The new claims in insert order: by resource, then start, then list position. */
    private static List<New> insertOrder(List<New> added) {
        List<New> ordered = new ArrayList<>(added);
        ordered.sort(Comparator.comparing((New n) -> n.claim, INSERT_ORDER).thenComparingInt(n -> n.index));
        return ordered;
    }

    /** Binds parameters 1-5 of an unnest insert: resources, starts, ends, owners, expiries. */
    private static void bindColumns(Connection connection, PreparedStatement s, List<New> ordered)
            throws SQLException {
        int count = ordered.size();
        String[] resources = new String[count];
        Long[] starts = new Long[count];
        Long[] ends = new Long[count];
        String[] owners = new String[count];
        Long[] expiries = new Long[count];
        for (int i = 0; i < count; i++) {
            New n = ordered.get(i);
            resources[i] = n.claim.resource().value();
            starts[i] = n.start;
            ends[i] = n.end;
            owners[i] = n.claim.owner();
            expiries[i] = n.expires;
        }
        s.setArray(1, connection.createArrayOf("varchar", resources));
        s.setArray(2, connection.createArrayOf("bigint", starts));
        s.setArray(3, connection.createArrayOf("bigint", ends));
        s.setArray(4, connection.createArrayOf("varchar", owners));
        s.setArray(5, connection.createArrayOf("bigint", expiries));
    }

    /** Takes back the rows an insert added before it skipped one. */
    private void deleteInserted(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(undo)) {
            s.setArray(1, connection.createArrayOf("bigint", ids.toArray(new Long[0])));
            s.executeUpdate();
        }
    }


    private void lockAll(Connection connection, Collection<String> ids) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(lockMany)) {
            s.setArray(1, dialect.textArray(connection, ids));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    rows.getString(1);
                }
            }
        }
    }

    private Snapshot read(Connection connection, Collection<String> ids, long from, long to) throws SQLException {
        Snapshot snapshot = new Snapshot();
        boolean exclusiveColumn = dialect.hasExclusionConstraint();
        try (PreparedStatement s = connection.prepareStatement(capacitiesAndClaims)) {
            s.setLong(1, to);
            s.setLong(2, from);
            s.setArray(3, dialect.textArray(connection, ids));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String resource = rows.getString(1);
                    snapshot.capacity.put(resource, rows.getInt(2));
                    long claimId = rows.getLong(3);
                    if (!rows.wasNull()) {
                        snapshot.stored(resource).add(new Stored(claimId, rows.getLong(4), rows.getLong(5),
                                Sql.nullableLong(rows, "expires_ns"), exclusiveColumn && rows.getBoolean(7)));
                    }
                }
            }
        }
        return snapshot;
    }

    /**
     * Checks each new claim in list order; the first that would exceed its resource's capacity at
     * some instant is the conflict. Earlier claims of the list count whatever their expiry, as in
     * the memory store.
     */
    private static Optional<ClaimConflict> sweep(List<New> added, Snapshot snapshot, long now) {
        Map<String, List<long[]>> counted = new HashMap<>();
        for (Map.Entry<String, List<Stored>> entry : snapshot.stored.entrySet()) {
            List<long[]> active = new ArrayList<>();
            for (Stored stored : entry.getValue()) {
                if (stored.activeAt(now)) {
                    active.add(new long[] {stored.start, stored.end});
                }
            }
            counted.put(entry.getKey(), active);
        }
        for (New n : added) {
            String resource = n.claim.resource().value();
            List<long[]> others = counted.computeIfAbsent(resource, r -> new ArrayList<>());
            if (!n.claim.overCapacity() && peak(others, n.start, n.end) >= snapshot.capacity.get(resource)) {
                return Optional.of(new ClaimConflict(n.claim, n.claim.resource()));
            }
            others.add(new long[] {n.start, n.end});
        }
        return Optional.empty();
    }

    /**
     * The most intervals covering one instant of {@code [start, end)}: a sweep over their clipped
     * start and end points; at equal instants ends come first, since intervals are half-open.
     */
    static int peak(List<long[]> intervals, long start, long end) {
        long[] starts = new long[intervals.size()];
        long[] ends = new long[intervals.size()];
        int n = 0;
        for (long[] other : intervals) {
            if (other[0] < end && start < other[1]) {
                starts[n] = Math.max(other[0], start);
                ends[n] = Math.min(other[1], end);
                n++;
            }
        }
        if (n <= 1) {
            return n;
        }
        Arrays.sort(starts, 0, n);
        Arrays.sort(ends, 0, n);
        int current = 0;
        int peak = 0;
        int e = 0;
        for (int i = 0; i < n; i++) {
            while (ends[e] <= starts[i]) {
                current--;
                e++;
            }
            current++;
            peak = Math.max(peak, current);
        }
        return peak;
    }

    private Optional<ClaimConflict> insertLocked(Connection connection, List<New> added) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(insert)) {
            for (New n : added) {
                bindClaim(s, n);
                s.addBatch();
            }
            s.executeBatch();
        }
        return Optional.empty();
    }

    private Optional<ClaimConflict> insertGuarded(Connection connection, List<New> added, Snapshot snapshot, long now)
            throws SQLException {
        List<New> ordered = insertOrder(added);
        int count = ordered.size();
        Boolean[] over = new Boolean[count];
        Boolean[] exclusive = new Boolean[count];
        List<Long> unexcluded = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            New n = ordered.get(i);
            String resource = n.claim.resource().value();
            over[i] = n.claim.overCapacity();
            exclusive[i] = snapshot.capacity.get(resource) == 1 && !n.claim.overCapacity()
                    && (n.expires == null || n.expires > now);
            if (exclusive[i]) {
                for (Stored stored : snapshot.stored.getOrDefault(resource, List.of())) {
                    if (stored.exclusive && !stored.activeAt(now) && stored.start < n.end && n.start < stored.end) {
                        unexcluded.add(stored.id);
                    }
                }
            }
        }
        if (!unexcluded.isEmpty()) {
            try (PreparedStatement s = connection.prepareStatement(unexclude)) {
                s.setArray(1, connection.createArrayOf("bigint", unexcluded.toArray(new Long[0])));
                s.executeUpdate();
            }
        }
        List<Long> insertedIds = new ArrayList<>();
        List<Claim> pending = new ArrayList<>();
        for (New n : added) {
            pending.add(n.claim);
        }
        try (PreparedStatement s = connection.prepareStatement(insert)) {
            bindColumns(connection, s, ordered);
            s.setArray(6, connection.createArrayOf("boolean", over));
            s.setArray(7, connection.createArrayOf("boolean", exclusive));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    insertedIds.add(rows.getLong("id"));
                    pending.remove(claim(rows));
                }
            }
        }
        if (insertedIds.size() == count) {
            return Optional.empty();
        }
        // Another transaction claimed overlapping time first: take back what went in.
        deleteInserted(connection, insertedIds);
        Claim refused = pending.isEmpty() ? added.get(0).claim : pending.get(0);
        return Optional.of(new ClaimConflict(refused, refused.resource()));
    }

    private static void bindClaim(PreparedStatement s, New n) throws SQLException {
        s.setString(1, n.claim.resource().value());
        s.setLong(2, n.start);
        s.setLong(3, n.end);
        s.setString(4, n.claim.owner());
        Sql.setNullable(s, 5, n.expires);
        s.setBoolean(6, n.claim.overCapacity());
    }

    static Claim claim(ResultSet rows) throws SQLException {
        return new Claim(ResourceId.of(rows.getString("resource_id")), Nanos.instant(rows.getLong("start_ns")),
                Nanos.instant(rows.getLong("end_ns")), rows.getString("owner"),
                Optional.ofNullable(Sql.nullableLong(rows, "expires_ns")).map(Nanos::instant),
                rows.getBoolean("over_capacity"));
    }

    /** A claim to add, with its stored instants and its place in the list. */
    private record New(Claim claim, int index, long start, long end, Long expires) {
        static New of(Claim claim, int index) {
            Objects.requireNonNull(claim, "claims[" + index + "]");
            String path = "claims[" + index + "].";
            return new New(claim, index, Nanos.of(claim.start(), path + "start"), Nanos.of(claim.end(), path + "end"),
                    claim.expiresAt().map(e -> Nanos.of(e, path + "expiresAt")).orElse(null));
        }
    }

    /** A stored claim near the new ones. */
    private record Stored(long id, long start, long end, Long expires, boolean exclusive) {
        boolean activeAt(long now) {
            return expires == null || now < expires;
        }
    }

    /** Capacities of the claimed resources and the stored claims overlapping the new ones' span. */
    private static final class Snapshot {
        final Map<String, Integer> capacity = new HashMap<>();
        final Map<String, List<Stored>> stored = new HashMap<>();

        List<Stored> stored(String resource) {
            return stored.computeIfAbsent(resource, r -> new ArrayList<>());
        }

        Set<String> sharedResources() {
            Set<String> shared = new TreeSet<>();
            capacity.forEach((id, c) -> {
                if (c > 1) {
                    shared.add(id);
                }
            });
            return shared;
        }
    }
}
