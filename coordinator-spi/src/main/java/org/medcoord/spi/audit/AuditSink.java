package org.medcoord.spi.audit;

import java.util.List;

/**
 * Receives the audit trail after it is sealed into the hash chain, for export to a SIEM, an ATNA
 * audit record repository or a FHIR server. Each event comes with its FHIR R4 {@code AuditEvent}
 * in JSON, shaped after IHE Basic Audit Log Patterns, which the core builds.
 *
 * <p>Delivery is at least once, in chain order: the core keeps a per-sink high-water mark (the
 * sequence number of the last event the sink accepted) in storage, and hands a sink the events
 * after its mark. When {@link #accept(List)} returns, the mark moves past the batch; when it
 * throws, the same events are offered again later. A crash, or two nodes exporting at the same
 * moment, may deliver an event twice: a sink deduplicates on {@link ChainedEvent#sequence()} (or
 * on the {@code AuditEvent.id}, which is derived from it) if it must.
 *
 * <p><b>Implementation requirements.</b> {@link #id()} is stable across restarts, because the
 * high-water mark is stored under it; at most 64 letters, digits and {@code . _ : -}. Accepting
 * may block (a network call) but should not take long: it runs on the thread that seals. Calls
 * for one sink are not concurrent within one coordinator. Failures are reported by throwing any
 * unchecked exception; its message must not carry patient data.
 *
 * @since 0.1
 */
public interface AuditSink {
    /**
     * The sink's stable id, under which its high-water mark is stored.
     *
     * @return the id, for example {@code siem-east}
     */
    String id();

    /**
     * Accepts a batch of sealed events, oldest first, with consecutive sequence numbers.
     *
     * @param events the events, never empty
     */
    void accept(List<ExportedAuditEvent> events);
}
