package org.medcoord.core.event.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.medcoord.api.event.DomainEvent;
import org.medcoord.api.event.EventDelivery;
import org.medcoord.spi.event.DomainEventListener;
import org.medcoord.spi.storage.PendingEvent;
import org.medcoord.spi.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox records to listeners, at least once. Each pass claims the due records in one
 * storage transaction, hands each to every listener, and marks it delivered in that transaction;
 * a crash before commit leaves the records due again. A record whose listener throws is retried
 * with exponential back-off (1 s, 2 s, 4 s ... capped at 10 minutes) and parked after the attempt
 * limit, with a warning naming the event id and the listener.
 */
public final class OutboxDispatcher implements EventDelivery, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final Storage storage;
    private final Clock clock;
    private final List<DomainEventListener> listeners;
    private final int maxAttempts;
    private final ScheduledExecutorService background;

    /**
     * Creates the dispatcher and, when an interval is given, starts background delivery.
     *
     * @param storage the storage
     * @param clock the clock
     * @param listeners the listeners, in order
     * @param maxAttempts failed attempts after which a record is parked
     * @param interval the background pass interval, or null for none
     */
    public OutboxDispatcher(Storage storage, Clock clock, List<DomainEventListener> listeners, int maxAttempts,
                            Duration interval) {
        this.storage = storage;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.maxAttempts = maxAttempts;
        if (interval == null || this.listeners.isEmpty()) {
            this.background = null;
        } else {
            this.background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "medcoord-outbox");
                t.setDaemon(true);
                return t;
            });
            long millis = Math.max(1, interval.toMillis());
            background.scheduleWithFixedDelay(this::backgroundPass, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    private void backgroundPass() {
        try {
            while (deliverDue() == BATCH) {
                // keep going while full batches come back
            }
        } catch (RuntimeException e) {
            LOG.warn("outbox delivery pass failed: {}", e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public int deliverDue() {
        if (listeners.isEmpty()) {
            return 0;
        }
        return storage.inTransaction(tx -> {
            Instant now = clock.instant();
            int delivered = 0;
            for (PendingEvent pending : tx.outbox().claimDue(now, BATCH)) {
                String eventId = pending.record().eventId();
                DomainEventListener failing = deliver(pending);
                if (failing == null) {
                    tx.outbox().markDelivered(eventId);
                    delivered++;
                    continue;
                }
                int attempts = pending.attempts() + 1;
                String code = "listener-failed:" + failing.id();
                if (attempts >= maxAttempts) {
                    tx.outbox().park(eventId, attempts, code);
                    LOG.warn("parked outbox event {} ({}) after {} failed attempts; listener {}", eventId,
                            pending.record().type(), attempts, failing.id());
                } else {
                    tx.outbox().retryLater(eventId, attempts, now.plus(backoff(attempts)), code);
                }
            }
            return delivered;
        });
    }

    /** Returns the first listener that failed, or null when all took the event. */
    private DomainEventListener deliver(PendingEvent pending) {
        DomainEvent event = new DomainEvent(pending.record().eventId(), pending.record().type(),
                pending.record().aggregateId(), pending.record().payload(), pending.record().occurredAt(),
                pending.attempts() + 1);
        for (DomainEventListener listener : listeners) {
            try {
                listener.on(event);
            } catch (RuntimeException e) {
                LOG.info("listener {} failed on event {} attempt {}: {}", listener.id(), event.eventId(), event.attempt(),
                        e.getClass().getSimpleName());
                return listener;
            }
        }
        return null;
    }

    static Duration backoff(int attempts) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    @Override
    public List<DomainEvent> parked(int limit) {
        return storage.read(tx -> tx.outbox().parked(limit)).stream()
                .map(p -> new DomainEvent(p.record().eventId(), p.record().type(), p.record().aggregateId(),
                        p.record().payload(), p.record().occurredAt(), p.attempts()))
                .toList();
    }

    @Override
    public void close() {
        if (background != null) {
            background.shutdown();
            try {
                if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                    background.shutdownNow();
                }
            } catch (InterruptedException e) {
                background.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
