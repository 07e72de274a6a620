package org.medcoord.example.vendorstorage;

import java.util.concurrent.atomic.AtomicLong;
import org.medcoord.api.common.AdapterException;

/**
 * Hands out schedule versions that are never handed out twice, as {@code ScheduleStore.version()}
 * requires: not after the writing unit rolls back, not after a restart, not by another process
 * opening the same file. A counter in the database would not do, since a rolled-back increment is
 * given out again; so a version is the incarnation of this opening (a number counted up and
 * committed each time a storage opens the file) in the high 31 bits and a counter in memory that
 * never goes back in the low 32 bits. The stored version {@code 0} of an untouched file is never
 * handed out.
 */
final class ScheduleVersions {
    private static final long LOW_BITS = 0xFFFF_FFFFL;

    private final long incarnation;
    private final AtomicLong counter = new AtomicLong();

    ScheduleVersions(long incarnation) {
        if (incarnation < 1 || incarnation > Integer.MAX_VALUE) {
            throw new AdapterException("vendor-sqlite: incarnation " + incarnation + " is out of range");
        }
        this.incarnation = incarnation;
    }

    long next() {
        long count = counter.incrementAndGet();
        if (count > LOW_BITS) {
            throw new AdapterException("vendor-sqlite: this opening has used up its schedule versions; reopen the storage");
        }
        return incarnation << 32 | count;
    }
}
