package org.medcoord.adapter.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.medcoord.api.common.ConflictException;

/**
 * A write held back until the unit's next read or its commit (PostgreSQL only), so that it costs
 * no round trip of its own: several go to the server as one prepared statement, the last of them
 * together with the {@code COMMIT}. A plain {@code INSERT} whose unique key is taken fails the
 * whole statement; the constraint it names says which write it was, and the unit then ends with
 * that write's own typed conflict, as it would have at the call.
 *
 * @param sql one statement, with {@code parameters} placeholders
 * @param parameters how many placeholders it has
 * @param binder sets them, from a given first index
 * @param constraint the unique constraint a duplicate violates
 * @param conflict the conflict a duplicate means
 * @param action what it does, ids only, for other failures
 */
record Deferred(String sql, int parameters, Binder binder, String constraint, Supplier<ConflictException> conflict,
                String action) {
    /** Sets a deferred statement's parameters, from a first index. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement, int first) throws SQLException;
    }
}
