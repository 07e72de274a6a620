package org.medcoord.core.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.PatientId;
import org.medcoord.spi.audit.ChainedEvent;

/** Audit records and chains built from a seed, and the single-field changes a tamperer might make. */
final class AuditFixtures {
    static final Instant START = Instant.parse("2027-03-01T08:00:00Z");
    private static final String[] ACTIONS = {"appointment.book", "appointment.read", "appointment.cancel",
        "referral.create", "document.sign", "schedule.search"};

    /** Every field of an audit record. */
    enum Field { AT, USER, ON_BEHALF_OF, FACILITY, PURPOSE, ACTION, ENTITIES, PATIENT, OUTCOME, DETAIL_CODE }

    private AuditFixtures() {
    }

    /** A record for the event with this sequence; distinct sequences give distinct records. */
    static AuditRecord record(long sequence, SplittableRandom random) {
        Optional<UserId> onBehalfOf = random.nextInt(4) == 0
                ? Optional.of(UserId.of("u" + random.nextInt(50))) : Optional.empty();
        Optional<PatientId> patient = random.nextInt(5) == 0
                ? Optional.empty() : Optional.of(PatientId.of("p" + random.nextInt(100_000)));
        List<String> entities = new ArrayList<>();
        entities.add("appt-" + sequence);
        for (int i = random.nextInt(3); i > 0; i--) {
            entities.add("slot-" + random.nextInt(1_000_000));
        }
        return new AuditRecord(START.plusMillis(sequence * 250 + random.nextInt(250)), UserId.of("u" + random.nextInt(50)),
                onBehalfOf, FacilityId.of("f" + random.nextInt(4)), NodeId.of("n" + random.nextInt(2)),
                Purpose.values()[random.nextInt(Purpose.values().length)],
                ACTIONS[random.nextInt(ACTIONS.length)], entities, patient,
                AuditOutcome.values()[random.nextInt(AuditOutcome.values().length)], random.nextInt(3) == 0 ? "slot-taken" : "ok");
    }

    /** A chain of {@code size} events from a seed. */
    static List<ChainedEvent> chain(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        AuditChain chain = AuditChain.empty();
        List<ChainedEvent> events = new ArrayList<>(size);
        for (int i = 1; i <= size; i++) {
            events.add(chain.append(record(i, random)));
        }
        return events;
    }

    /** The record with one field changed to a different value. */
    static AuditRecord alter(AuditRecord r, Field field, SplittableRandom random) {
        return switch (field) {
            case AT -> with(r, r.at().plusNanos(1 + random.nextInt(1_000_000)), r.user(), r.onBehalfOf(), r.facility(),
                    r.purpose(), r.action(), r.entities(), r.patient(), r.outcome(), r.detailCode());
            case USER -> with(r, r.at(), UserId.of(r.user().value() + "x"), r.onBehalfOf(), r.facility(), r.purpose(),
                    r.action(), r.entities(), r.patient(), r.outcome(), r.detailCode());
            case ON_BEHALF_OF -> with(r, r.at(), r.user(),
                    r.onBehalfOf().isPresent() ? Optional.empty() : Optional.of(UserId.of("u" + random.nextInt(50))),
                    r.facility(), r.purpose(), r.action(), r.entities(), r.patient(), r.outcome(), r.detailCode());
            case FACILITY -> with(r, r.at(), r.user(), r.onBehalfOf(), FacilityId.of(r.facility().value() + "x"),
                    r.purpose(), r.action(), r.entities(), r.patient(), r.outcome(), r.detailCode());
            case PURPOSE -> with(r, r.at(), r.user(), r.onBehalfOf(), r.facility(), other(r.purpose(), Purpose.values(), random),
                    r.action(), r.entities(), r.patient(), r.outcome(), r.detailCode());
            case ACTION -> with(r, r.at(), r.user(), r.onBehalfOf(), r.facility(), r.purpose(), r.action() + ".x",
                    r.entities(), r.patient(), r.outcome(), r.detailCode());
            case ENTITIES -> with(r, r.at(), r.user(), r.onBehalfOf(), r.facility(), r.purpose(), r.action(),
                    alterList(r.entities(), random), r.patient(), r.outcome(), r.detailCode());
            case PATIENT -> with(r, r.at(), r.user(), r.onBehalfOf(), r.facility(), r.purpose(), r.action(), r.entities(),
                    r.patient().isPresent() && random.nextBoolean() ? Optional.empty()
                            : Optional.of(PatientId.of("p" + (r.patient().map(p -> p.value().length()).orElse(0) + 100_000 + random.nextInt(1000)))),
                    r.outcome(), r.detailCode());
            case OUTCOME -> with(r, r.at(), r.user(), r.onBehalfOf(), r.facility(), r.purpose(), r.action(), r.entities(),
                    r.patient(), other(r.outcome(), AuditOutcome.values(), random), r.detailCode());
            case DETAIL_CODE -> with(r, r.at(), r.user(), r.onBehalfOf(), r.facility(), r.purpose(), r.action(),
                    r.entities(), r.patient(), r.outcome(), r.detailCode() + "-x");
        };
    }

    private static List<String> alterList(List<String> entities, SplittableRandom random) {
        List<String> changed = new ArrayList<>(entities);
        switch (random.nextInt(3)) {
            case 0 -> changed.add("slot-extra");
            case 1 -> changed.remove(changed.size() - 1);
            default -> changed.set(random.nextInt(changed.size()), "appt-forged");
        }
        return changed;
    }

    private static <E extends Enum<E>> E other(E current, E[] values, SplittableRandom random) {
        return values[(current.ordinal() + 1 + random.nextInt(values.length - 1)) % values.length];
    }

    private static AuditRecord with(AuditRecord original, Instant at, UserId user, Optional<UserId> onBehalfOf,
                                    FacilityId facility, Purpose purpose, String action, List<String> entities,
                                    Optional<PatientId> patient, AuditOutcome outcome, String detailCode) {
        AuditRecord changed = new AuditRecord(at, user, onBehalfOf, facility, original.node(), purpose, action, entities, patient, outcome, detailCode);
        if (changed.equals(original)) {
            throw new AssertionError("the change left the record as it was");
        }
        return changed;
    }
}
