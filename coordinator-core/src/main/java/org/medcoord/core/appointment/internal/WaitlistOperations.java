package org.medcoord.core.appointment.internal;

import java.util.List;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Permission;

/** The operations of the wait list. */
public final class WaitlistOperations {
    /** Adding a patient to the wait list. */
    public static final Operation ADD = Operation.of("waitlist.add", Permission.WRITE_APPOINTMENTS);
    /** Withdrawing an entry. */
    public static final Operation WITHDRAW = Operation.of("waitlist.withdraw", Permission.WRITE_APPOINTMENTS);
    /** Reading one entry. */
    public static final Operation READ = Operation.of("waitlist.read", Permission.READ_APPOINTMENTS);
    /** Listing the open entries of a service. */
    public static final Operation LIST = Operation.of("waitlist.list", Permission.READ_APPOINTMENTS);
    /** An offer of freed time, recorded inside the call that freed it. */
    public static final Operation OFFER = Operation.recordOnly("waitlist.offer");

    /** Every operation, for the slice. */
    static final List<Operation> ALL = List.of(ADD, WITHDRAW, READ, LIST, OFFER);

    private WaitlistOperations() {
    }
}
