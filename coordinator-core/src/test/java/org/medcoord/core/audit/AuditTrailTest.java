package org.medcoord.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.audit.AuditEntry;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.AuditVerification;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.PatientId;
import org.medcoord.spi.audit.ChainedEvent;
import org.medcoord.spi.audit.Checkpoint;

class AuditTrailTest {
    private static final PatientId P1 = PatientId.of("p-1");
    private static final PatientId P2 = PatientId.of("p-2");
    private static final Instant EPOCH = Instant.EPOCH;
    private static final Instant FAR = Instant.parse("2100-01-01T00:00:00Z");

    private final AuditedClinic clinic = new AuditedClinic();

    @AfterEach
    void close() {
        clinic.close();
    }

    @Test
    void booking_flows_are_sealed_into_a_chain_that_verifies_against_a_signed_checkpoint() {
        clinic.book("p-1", "09:00");
        clinic.book("p-2", "10:00");
        assertThat(sealed()).isEmpty();

        AuditVerification report = clinic.officer.audit().verify();

        assertThat(report.ok()).isTrue();
        assertThat(report.findings()).isEmpty();
        assertThat(report.eventsChecked()).isEqualTo(2);
        assertThat(report.lastSequence()).isEqualTo(2);
        assertThat(report.vouchedThrough()).as("no checkpoint before this verification").isEmpty();
        assertThat(report.signedThrough()).as("a checkpoint signed after the clean verification").hasValue(2);
        assertThat(report.summary()).contains("signed a new checkpoint through event 2; later verifications check "
                + "the chain against it");
        Checkpoint checkpoint = clinic.storage.read(tx -> tx.audit().latestCheckpoint()).orElseThrow();
        assertThat(checkpoint.keyId().value()).startsWith("clinic-audit-");
        assertThat(checkpoint.verify(clinic.keys)).isEqualTo(Checkpoint.Status.VALID);
        assertThat(checkpoint.index()).isEqualTo(1);
        assertThat(checkpoint.sequence()).as("signed after the clean verification, over the head it read").isEqualTo(2);
        List<ChainedEvent> chain = clinic.storage.read(tx -> tx.audit().chain(1, 100));
        assertThat(chain).extracting(e -> e.record().action()).containsExactly("appointment.book", "appointment.book");
        assertThat(chain).extracting(e -> e.record().node()).containsOnly(AuditedClinic.NODE);

        clinic.book("p-1", "11:00");
        AuditVerification again = clinic.officer.audit().verify();
        assertThat(again.ok()).isTrue();
        assertThat(again.eventsChecked()).as("the first verification's own record, then the booking").isEqualTo(4);
        assertThat(again.vouchedThrough()).hasValue(2);
        assertThat(again.checkpointsChecked()).isEqualTo(1);
        assertThat(again.signedThrough()).hasValue(4);
        Checkpoint second = clinic.storage.read(tx -> tx.audit().latestCheckpoint()).orElseThrow();
        assertThat(second.index()).isEqualTo(2);
        assertThat(second.sequence()).isEqualTo(4);
        assertThat(second.follows(checkpoint)).isTrue();
    }

    @Test
    void only_a_privacy_officer_reviews_the_trail_and_a_refusal_is_audited() {
        clinic.book("p-1", "09:00");

        assertThatThrownBy(() -> clinic.desk.audit().verify()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clinic.clinician.audit().accessesTo(P1, EPOCH, FAR))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> clinic.emergency().audit().breakGlassAccesses(EPOCH, FAR))
                .isInstanceOf(AccessDeniedException.class);

        List<AuditRecord> all = clinic.storage.read(tx -> tx.audit().all());
        assertThat(all).filteredOn(r -> r.action().startsWith("audit."))
                .extracting(AuditRecord::action, AuditRecord::outcome, AuditRecord::patient)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("audit.verify", AuditOutcome.DENIED, Optional.empty()),
                        org.assertj.core.groups.Tuple.tuple("audit.accesses-to", AuditOutcome.DENIED, Optional.of(P1)),
                        org.assertj.core.groups.Tuple.tuple("audit.break-glass", AuditOutcome.DENIED, Optional.empty()));
    }

    @Test
    void compliance_queries_answer_who_accessed_a_patient_what_a_user_did_break_glass_and_disclosures() {
        Booking first = clinic.book("p-1", "09:00");
        clinic.book("p-2", "10:00");
        Appointment appointment = first.appointment();
        clinic.clock.advance(Duration.ofMinutes(1));
        clinic.clinician.appointments().get(appointment.id());
        clinic.clock.advance(Duration.ofMinutes(1));
        clinic.emergency().appointments().get(appointment.id());
        clinic.clock.advance(Duration.ofMinutes(1));
        clinic.researcher.appointments().forPatient(P1, EPOCH, FAR);
        clinic.clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> clinic.researcher.appointments().cancel(
                new org.medcoord.api.appointment.CancelCommand(appointment.id(),
                        org.medcoord.api.appointment.CancellationReason.PATIENT_REQUEST)))
                .isInstanceOf(AccessDeniedException.class);
        Instant afterwards = clinic.now().plusSeconds(1);

        List<AuditEntry> accesses = clinic.officer.audit().accessesTo(P1, EPOCH, afterwards);
        assertThat(accesses).extracting(e -> e.record().user().value(), e -> e.record().action(),
                        e -> e.record().outcome())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("u-desk", "appointment.book", AuditOutcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("u-doc", "appointment.read", AuditOutcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("u-er", "appointment.read", AuditOutcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("u-study", "appointment.list-patient", AuditOutcome.SUCCESS),
                        org.assertj.core.groups.Tuple.tuple("u-study", "appointment.cancel", AuditOutcome.DENIED));
        assertThat(accesses).extracting(AuditEntry::sequence).isSorted().doesNotHaveDuplicates();

        assertThat(clinic.officer.audit().actionsBy(UserId.of("u-desk"), EPOCH, afterwards))
                .extracting(e -> e.record().patient())
                .containsExactly(Optional.of(P1), Optional.of(P2));

        List<AuditEntry> breakGlass = clinic.officer.audit().breakGlassAccesses(EPOCH, afterwards);
        assertThat(breakGlass).extracting(e -> e.record().action())
                .containsExactly("access.break-glass", "appointment.read");
        AuditRecord emergency = breakGlass.get(1).record();
        assertThat(emergency.purpose()).isEqualTo(Purpose.EMERGENCY);
        assertThat(emergency.user()).isEqualTo(UserId.of("u-er"));
        assertThat(emergency.onBehalfOf()).contains(UserId.of("u-attending"));
        assertThat(emergency.facility().value()).isEqualTo("fac-2");

        assertThat(clinic.officer.audit().disclosures(P1, EPOCH, afterwards))
                .extracting(e -> e.record().purpose(), e -> e.record().action())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Purpose.EMERGENCY, "appointment.read"),
                        org.assertj.core.groups.Tuple.tuple(Purpose.RESEARCH, "appointment.list-patient"));
        assertThat(clinic.officer.audit().disclosures(P2, EPOCH, afterwards)).isEmpty();

        Instant readAt = accesses.get(1).record().at();
        assertThat(clinic.officer.audit().accessesTo(P1, readAt, readAt.plusSeconds(60)))
                .extracting(e -> e.record().user().value()).containsExactly("u-doc");

        List<AuditRecord> trail = clinic.storage.read(tx -> tx.audit().all());
        assertThat(trail).filteredOn(r -> r.action().equals("audit.accesses-to"))
                .allSatisfy(r -> {
                    assertThat(r.user()).isEqualTo(UserId.of("u-privacy"));
                    assertThat(r.patient()).contains(P1);
                    assertThat(r.outcome()).isEqualTo(AuditOutcome.SUCCESS);
                });
        assertThat(trail).extracting(AuditRecord::action).contains("audit.actions-by", "audit.break-glass",
                "audit.disclosures");
    }

    @Test
    void queries_refuse_a_period_that_ends_before_it_starts_naming_the_field() {
        assertThatThrownBy(() -> clinic.officer.audit().accessesTo(P1, FAR, EPOCH))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("to");
        assertThatThrownBy(() -> clinic.officer.audit().actionsBy(null, EPOCH, FAR))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("user");
    }

    @Test
    void sinks_receive_every_sealed_event_once_in_chain_order_and_their_mark_is_stored() {
        clinic.book("p-1", "09:00");
        clinic.book("p-2", "10:00");
        clinic.officer.audit().verify();
        clinic.book("p-1", "11:00");
        clinic.officer.audit().verify();

        assertThat(clinic.exported).extracting(e -> e.event().sequence()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(clinic.exportedActions()).containsExactly("appointment.book", "appointment.book", "audit.verify",
                "appointment.book");
        long mark = clinic.storage.read(tx -> tx.audit().sinkMark("collector"));
        assertThat(mark).isEqualTo(4L);
    }

    @Test
    void a_sink_that_fails_is_offered_the_same_events_again_on_the_next_pass() {
        clinic.book("p-1", "09:00");
        clinic.sinkDown.set(true);
        clinic.officer.audit().verify();
        assertThat(clinic.exported).isEmpty();
        long before = clinic.storage.read(tx -> tx.audit().sinkMark("collector"));
        assertThat(before).isZero();

        clinic.sinkDown.set(false);
        clinic.book("p-2", "10:00");
        clinic.officer.audit().verify();

        assertThat(clinic.exported).extracting(e -> e.event().sequence()).containsExactly(1L, 2L, 3L);
        long after = clinic.storage.read(tx -> tx.audit().sinkMark("collector"));
        assertThat(after).isEqualTo(3L);
    }

    @Test
    void every_thousand_records_appended_also_start_a_seal_between_the_periodic_passes() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            clinic.desk.appointments().forPatient(P1, EPOCH, FAR);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (sealed().size() < 1_000 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(sealed()).hasSize(1_000);
    }

    private List<ChainedEvent> sealed() {
        return clinic.storage.read(tx -> tx.audit().chain(Long.MIN_VALUE, 1_000));
    }
}
