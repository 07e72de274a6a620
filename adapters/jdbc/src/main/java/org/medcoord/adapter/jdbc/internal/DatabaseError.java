package org.medcoord.adapter.jdbc.internal;

import java.sql.SQLException;
import org.medcoord.api.common.CoordinatorException;

/**
 * The cause attached to a translated driver failure: the SQLState, the vendor code, the driver's
 * exception type and its stack trace, and nothing else. Driver messages are dropped because they
 * may repeat the statement (H2) or the offending values (PostgreSQL's DETAIL line), and those can
 * be patient data.
 */
public final class DatabaseError extends CoordinatorException {
    private static final long serialVersionUID = 1L;

    /** The SQLState of the original failure, or null when it had none. */
    private final String sqlState;

    private DatabaseError(String message, String sqlState) {
        super(message);
        this.sqlState = sqlState;
    }

    /**
     * A sanitized copy of a driver failure.
     *
     * @param failure the failure
     * @return its state, code, type and stack trace
     */
    static DatabaseError of(Throwable failure) {
        SQLException sql = SqlFailures.sqlException(failure);
        String state = sql == null ? null : SqlFailures.state(sql);
        StringBuilder message = new StringBuilder(failure.getClass().getName());
        if (sql != null) {
            message.append(": SQLState ").append(state).append(", vendor code ").append(sql.getErrorCode());
            if (sql != failure) {
                message.append(" (from ").append(sql.getClass().getName()).append(')');
            }
        }
        DatabaseError error = new DatabaseError(message.toString(), state);
        error.setStackTrace(failure.getStackTrace());
        return error;
    }

    /**
     * The SQLState of the original failure.
     *
     * @return the state, or {@code null} when there was none
     */
    public String sqlState() {
        return sqlState;
    }
}
