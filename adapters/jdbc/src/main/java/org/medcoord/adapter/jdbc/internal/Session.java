package org.medcoord.adapter.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.medcoord.api.common.AdapterException;

/**
 * One JDBC transaction: the connection of an outermost unit of work, shared by the units nested in
 * it. Once the database has rolled the transaction back on its own (an H2 deadlock victim), the
 * session refuses further statements and the commit, so that later writes can never commit
 * without the earlier ones.
 */
final class Session {
    private final Connection connection;
    private String rolledBackBecause;

    Session(Connection connection) {
        this.connection = connection;
    }

    /** The connection, unless the database has already rolled the transaction back. */
    Connection connection() {
        if (rolledBackBecause != null) {
            throw new AdapterException("storage unit can no longer be used: the database rolled it back ("
                    + rolledBackBecause + "); nothing it wrote was saved", null);
        }
        return connection;
    }

    Connection raw() {
        return connection;
    }

    /** Marks the transaction as rolled back by the database. */
    void rolledBack(String because) {
        if (rolledBackBecause == null) {
            rolledBackBecause = because;
        }
    }

    /** Why the database rolled the transaction back, or null. */
    String rolledBackBecause() {
        return rolledBackBecause;
    }

    Savepoint savepoint() {
        try {
            return connection().setSavepoint();
        } catch (SQLException e) {
            throw SqlFailures.translate(e, "start a nested unit (savepoint)");
        }
    }

    /** Undoes a nested unit's writes; a failure to do so is attached to the unit's own failure. */
    void rollbackTo(Savepoint savepoint, Throwable failure) {
        if (rolledBackBecause != null) {
            return;
        }
        try {
            connection.rollback(savepoint);
        } catch (SQLException e) {
            failure.addSuppressed(SqlFailures.translate(e, "roll back a nested unit"));
        }
    }
}
