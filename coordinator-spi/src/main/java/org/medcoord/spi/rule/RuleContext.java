package org.medcoord.spi.rule;

import java.time.Instant;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * What a rule may consult besides the attempt.
 *
 * @since 0.1
 */
public interface RuleContext {
    /**
     * The coordinator's current time, from its clock.
     *
     * @return now
     */
    Instant now();

    /**
     * The transaction the booking runs in, for reading; rules must not write.
     *
     * @return the transaction
     */
    StorageTransaction transaction();
}
