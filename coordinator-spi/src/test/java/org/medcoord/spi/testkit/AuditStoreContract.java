package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.medcoord.spi.testkit.Fixtures.NOW;
import static org.medcoord.spi.testkit.Fixtures.USER;
import static org.medcoord.spi.testkit.Fixtures.audit;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;

/**
 * The contract of {@link org.medcoord.spi.storage.AuditStore}: records come back unchanged in
 * append order, and an append in a unit that rolls back never appears.
 *
 * @since 0.1
 */
public abstract class AuditStoreContract extends ContractSupport {
    /** For subclasses. */
    protected AuditStoreContract() {
    }

    @Test
    void recordsComeBackUnchangedInAppendOrder() {
        assertEquals(List.of(), all());
        AuditRecord denied = new AuditRecord(NOW, USER, Optional.of(UserId.of("u-doctor")), FacilityId.of("f-east"), NodeId.of("node-b"),
                Purpose.EMERGENCY, "appointment.read", List.of("a-1", "p-1"), Optional.empty(), AuditOutcome.DENIED,
                "break-glass-expired");
        update(tx -> {
            tx.audit().append(audit("appointment.book", "a-2"));
            tx.audit().append(denied);
        });
        update(tx -> tx.audit().append(audit("appointment.cancel", "a-2")));

        assertEquals(List.of(audit("appointment.book", "a-2"), denied, audit("appointment.cancel", "a-2")), all());
    }

    @Test
    void rolledBackAppendNeverAppears() {
        update(tx -> tx.audit().append(audit("appointment.book", "a-1")));
        assertThrows(IllegalStateException.class, () -> update(tx -> {
            tx.audit().append(audit("appointment.book", "a-2"));
            tx.audit().append(audit("appointment.book", "a-3"));
            throw new IllegalStateException("roll back");
        }));
        update(tx -> tx.audit().append(audit("appointment.book", "a-4")));

        assertEquals(List.of(audit("appointment.book", "a-1"), audit("appointment.book", "a-4")), all());
    }

    @Test
    void appendsAreSeenWithinTheirOwnUnit() {
        List<AuditRecord> inside = write(tx -> {
            tx.audit().append(audit("appointment.book", "a-1"));
            return tx.audit().all();
        });

        assertEquals(List.of(audit("appointment.book", "a-1")), inside);
    }

    private List<AuditRecord> all() {
        return read(tx -> tx.audit().all());
    }
}
