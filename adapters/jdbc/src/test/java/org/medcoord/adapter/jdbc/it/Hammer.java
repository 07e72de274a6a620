package org.medcoord.adapter.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.common.ConflictException;
import org.medcoord.api.schedule.ResourceId;

/**
 * Threads that book random starts on the same few resources of {@link ItClinic} at once. Every
 * attempt must end booked or with a typed {@link ConflictException}; anything else is collected
 * as unexpected.
 *
 * <p>All threads walk through the same days at about the same pace (attempt {@code i} of every
 * thread lands on day {@code i * days / attempts}), so at any moment they race for the same day's
 * times instead of spreading out over the calendar.
 */
final class Hammer {
    /** The outcome of a run. */
    record Result(Set<AppointmentId> booked, long conflicts, List<Throwable> unexpected, long attempts) {
    }

    private Hammer() {
    }

    /**
     * Runs one thread per session in {@code desks}, each making {@code attempts} attempts.
     *
     * @param clinicians how many clinicians of {@link ItClinic} to aim at
     */
    static Result run(List<CoordinatorSession> desks, int attempts, int days, int clinicians, long seed)
            throws InterruptedException {
        Set<AppointmentId> booked = ConcurrentHashMap.newKeySet();
        AtomicLong conflicts = new AtomicLong();
        List<Throwable> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
        CyclicBarrier start = new CyclicBarrier(desks.size());
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < desks.size(); t++) {
            CoordinatorSession desk = desks.get(t);
            int thread = t;
            Thread worker = new Thread(() -> {
                SplittableRandom random = new SplittableRandom(seed * 31 + thread);
                try {
                    start.await();
                } catch (Exception e) {
                    unexpected.add(e);
                    return;
                }
                for (int i = 0; i < attempts; i++) {
                    BookCommand command = command(random, "p-" + thread + "-" + i, i * days / attempts, clinicians);
                    try {
                        booked.add(desk.appointments().book(command).appointment().id());
                    } catch (ConflictException lost) {
                        conflicts.incrementAndGet();
                    } catch (RuntimeException | Error e) {
                        unexpected.add(e);
                    }
                }
            }, "hammer-" + t);
            threads.add(worker);
            worker.start();
        }
        for (Thread worker : threads) {
            worker.join();
        }
        return new Result(Set.copyOf(booked), conflicts.get(), List.copyOf(unexpected),
                (long) attempts * desks.size());
    }

    /**
     * Checks a finished run against what the storage holds: no attempt ended in anything but a
     * booking or a typed conflict, no instant of any resource is claimed beyond its capacity, the
     * stored appointments are exactly the acknowledged ones, and every claim belongs to one of them
     * (nothing left behind by a rolled-back attempt).
     */
    static void assertSound(Result result, StoredState state) {
        assertThat(result.unexpected()).as(() -> describe(result.unexpected())).isEmpty();
        assertThat(state.overlaps(ItClinic::capacity)).isEmpty();
        assertThat(state.appointments.keySet()).containsExactlyInAnyOrderElementsOf(result.booked());
        assertThat(state.claims.stream().map(c -> c.owner()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(
                        result.booked().stream().map(id -> "appointment:" + id.value()).toList());
        assertThat(result.booked().size() + result.conflicts()).isEqualTo(result.attempts());
        // Both outcomes must occur, or the run raced for nothing.
        assertThat(result.booked()).isNotEmpty();
        assertThat(result.conflicts()).isPositive();
    }

    private static String describe(List<Throwable> unexpected) {
        StringWriter out = new StringWriter();
        out.append(unexpected.size() + " attempts ended in neither a booking nor a typed conflict; the first:\n");
        unexpected.stream().limit(3).forEach(e -> e.printStackTrace(new PrintWriter(out)));
        return out.toString();
    }

    private static BookCommand command(SplittableRandom random, String patient, int day, int clinicians) {
        ResourceId clinician = ItClinic.clinician(random.nextInt(clinicians));
        int kind = random.nextInt(10);
        if (kind < 5) {
            return ItClinic.visit(patient, clinician, ItClinic.at(day, random.nextInt(ItClinic.GRANULES_PER_DAY - 3)));
        }
        if (kind < 8) {
            return ItClinic.roomVisit(patient, clinician,
                    ItClinic.at(day, random.nextInt(ItClinic.GRANULES_PER_DAY - 7)));
        }
        return ItClinic.roomOnly(patient, ItClinic.at(day, random.nextInt(ItClinic.GRANULES_PER_DAY - 4)));
    }
}
