package org.medcoord.spi.storage;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;

/**
 * What a free-slot search or a booking check reads besides facility data, for
 * {@link StorageTransaction#calendar}: the active claims of some resources over a period, and
 * optionally one patient's appointments over another period.
 *
 * <p><b>Finishing.</b> A query made with {@link #finishing()} set (see {@link #asFinishing()})
 * tells the storage that this read is the unit's last step that matters to its writes: after it,
 * the unit writes nothing more. The storage may then commit the writes the unit made so far
 * together with the read, so that a unit that records something and then reads (an audited search
 * appends its audit record, then reads the calendar) costs one database round trip instead of
 * two. In detail, when the hint is given in an outermost unit started by
 * {@link Storage#inTransaction}:
 * <ul>
 *   <li>The read sees the unit's earlier writes, as any read does.</li>
 *   <li>Every later write through the unit's stores, including stores of units nested in it, is
 *       a contract violation: it throws {@link IllegalStateException} at the call, before it has
 *       any effect. The unit then ends with that exception like any failing unit.</li>
 *   <li>The unit's earlier writes are either committed with the read (the storage says which,
 *       see {@link StorageTransaction#calendar}) or, on a storage that keeps them until the unit
 *       ends, committed or rolled back with the unit as usual. A unit that throws after a
 *       finishing read may therefore leave its earlier writes behind, all of them, never some:
 *       give the hint only when those writes should stand whatever the rest of the unit does
 *       (an audit record of the read itself, say).</li>
 *   <li>Later reads in the unit are still allowed; on a storage that committed with the finishing
 *       read they may see a newer state of the data than the unit saw before.</li>
 * </ul>
 * In a read-only unit ({@link Storage#read}) or a nested unit the hint has no effect: there is
 * nothing to commit yet, or the outer unit may still write.
 *
 * @param resources the resources whose claims to read; may be empty
 * @param from the start of the claims period
 * @param to the end of the claims period, after {@code from}
 * @param now the instant deciding which claims are active
 * @param patient the patient whose appointments to read, or empty for none
 * @param patientFrom the start of the appointments period
 * @param patientTo the end of the appointments period
 * @param finishing whether the unit writes nothing after this read, so that the storage may
 *     commit with it; see above
 * @since 0.1
 */
public record CalendarQuery(List<ResourceId> resources, Instant from, Instant to, Instant now,
                            Optional<PatientId> patient, Instant patientFrom, Instant patientTo, boolean finishing) {
    /**
     * Checks and copies the parts.
     *
     * @param resources the resources
     * @param from the claims period start
     * @param to the claims period end
     * @param now the instant deciding which claims are active
     * @param patient the patient, or empty
     * @param patientFrom the appointments period start
     * @param patientTo the appointments period end
     * @param finishing whether the unit writes nothing after this read
     */
    public CalendarQuery {
        resources = List.copyOf(resources);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(patientFrom, "patientFrom");
        Objects.requireNonNull(patientTo, "patientTo");
    }

    /**
     * A query that is not {@link #finishing() finishing}: the unit may write after it.
     *
     * @param resources the resources
     * @param from the claims period start
     * @param to the claims period end
     * @param now the instant deciding which claims are active
     * @param patient the patient, or empty
     * @param patientFrom the appointments period start
     * @param patientTo the appointments period end
     */
    public CalendarQuery(List<ResourceId> resources, Instant from, Instant to, Instant now,
                         Optional<PatientId> patient, Instant patientFrom, Instant patientTo) {
        this(resources, from, to, now, patient, patientFrom, patientTo, false);
    }

    /**
     * The same query as the unit's last step that matters to its writes: see the class
     * description.
     *
     * @return this query with {@link #finishing()} set
     * @since 0.1
     */
    public CalendarQuery asFinishing() {
        return new CalendarQuery(resources, from, to, now, patient, patientFrom, patientTo, true);
    }
}
