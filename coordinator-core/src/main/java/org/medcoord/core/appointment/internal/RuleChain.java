package org.medcoord.core.appointment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.BookingRefusedException;
import org.medcoord.api.appointment.RuleFinding;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.core.schedule.internal.RequirementCache;
import org.medcoord.core.schedule.internal.SlotFinder;
import org.medcoord.spi.rule.BookingAttempt;
import org.medcoord.spi.rule.BookingRule;
import org.medcoord.spi.rule.RuleContext;
import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.CalendarRead;
import org.medcoord.spi.storage.DocumentStore;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * Runs every booking rule on an attempt: built-in rules first, then plugin rules in registration
 * order. Every rule runs, so a refusal lists all findings at once. Where the booking read the
 * schedule version with the claims, the rules' reads of document requirements come from a cache
 * kept by that version ({@link RequirementCache}).
 */
public final class RuleChain {
    private final List<BookingRule> rules;
    private final RequirementCache requirements = new RequirementCache();

    /**
     * Creates the chain.
     *
     * @param rules the rules in order
     */
    public RuleChain(List<BookingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Judges an attempt.
     *
     * @param attempt the attempt
     * @param tx the transaction the booking runs in
     * @param now the current time
     * @return the warnings, when nothing was rejected
     * @throws BookingRefusedException when any rule rejects
     */
    public List<RuleFinding> check(BookingAttempt attempt, StorageTransaction tx, Instant now) {
        return check(attempt, tx, now, Optional.empty());
    }

    /**
     * Judges an attempt, answering the rules' reads of the patient's appointments within a window
     * from what was read with the claims just before, in the same unit with nothing written since.
     *
     * @param attempt the attempt
     * @param tx the transaction the booking runs in
     * @param now the current time
     * @param read the patient's appointments as read in the unit, if they were
     * @return the warnings, when nothing was rejected
     * @throws BookingRefusedException when any rule rejects
     */
    public List<RuleFinding> check(BookingAttempt attempt, StorageTransaction tx, Instant now,
                                   Optional<SlotFinder.PatientAppointments> read) {
        StorageTransaction seen = read.isPresent() ? new ReadAhead(tx, read.get(), requirements) : tx;
        RuleContext context = new RuleContext() {
            @Override
            public Instant now() {
                return now;
            }

            @Override
            public StorageTransaction transaction() {
                return seen;
            }
        };
        List<RuleFinding> findings = new ArrayList<>();
        for (BookingRule rule : rules) {
            findings.addAll(rule.evaluate(attempt, context));
        }
        if (findings.stream().anyMatch(f -> f.severity() == RuleFinding.Severity.REJECTION)) {
            throw new BookingRefusedException(findings);
        }
        return findings;
    }

    /**
     * The ids of the rules, in order.
     *
     * @return the ids
     */
    public List<String> ids() {
        return rules.stream().map(BookingRule::id).toList();
    }

    /**
     * The unit, except that a patient's appointments within the window read ahead come from that
     * read: {@code forPatient} of the same patient over a sub-period returns the appointments read
     * that overlap it, in the same order, which is what the store would return; and document
     * requirements come from the cache, by the schedule version read with them.
     */
    private static final class ReadAhead implements StorageTransaction {
        private final StorageTransaction tx;
        private final SlotFinder.PatientAppointments read;
        private final AppointmentStore appointments;
        private final RequirementCache requirements;

        ReadAhead(StorageTransaction tx, SlotFinder.PatientAppointments read, RequirementCache requirements) {
            this.tx = tx;
            this.read = read;
            this.requirements = requirements;
            this.appointments = new AppointmentStore() {
                @Override
                public void insert(Appointment appointment) {
                    tx.appointments().insert(appointment);
                }

                @Override
                public void update(Appointment appointment) {
                    tx.appointments().update(appointment);
                }

                @Override
                public Optional<Appointment> find(AppointmentId id) {
                    return tx.appointments().find(id);
                }

                @Override
                public List<Appointment> forPatient(PatientId patient, Instant from, Instant to) {
                    SlotFinder.PatientWindow window = read.window();
                    if (!patient.equals(window.patient()) || from.isBefore(window.from()) || to.isAfter(window.to())) {
                        return tx.appointments().forPatient(patient, from, to);
                    }
                    return read.appointments().stream()
                            .filter(a -> a.start().isBefore(to) && a.end().isAfter(from)).toList();
                }

                @Override
                public List<Appointment> forResource(ResourceId resource, Instant from, Instant to) {
                    return tx.appointments().forResource(resource, from, to);
                }
            };
        }

        @Override
        public <S> Optional<S> find(Class<S> port) {
            if (port == AppointmentStore.class) {
                return tx.find(port).map(any -> port.cast(appointments));
            }
            if (port == DocumentStore.class) {
                return tx.find(DocumentStore.class).map(store -> port.cast(
                        requirements.view(store, read.scheduleVersion())));
            }
            return tx.find(port);
        }

        @Override
        public CalendarRead calendar(CalendarQuery query) {
            return tx.calendar(query);
        }
    }
}
