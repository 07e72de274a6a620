package org.medcoord.core.internal;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.EmergencyAccess;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.WaitList;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditTrail;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.Feature;
import org.medcoord.api.common.FeatureUnavailableException;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.Violations;
import org.medcoord.api.document.Paperwork;
import org.medcoord.api.event.EventDelivery;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.core.access.internal.AccessControl;
import org.medcoord.core.access.internal.BreakGlass;
import org.medcoord.core.access.internal.CallContext;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Projections;
import org.medcoord.core.appointment.internal.AppointmentModule;
import org.medcoord.core.appointment.internal.WaitlistModule;
import org.medcoord.core.audit.internal.AuditModule;
import org.medcoord.core.audit.internal.AuditOperations;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.audit.internal.ChainSealer;
import org.medcoord.core.common.internal.CommandValidator;
import org.medcoord.core.common.internal.IdGenerator;
import org.medcoord.core.document.internal.PaperworkModule;
import org.medcoord.core.event.internal.Events;
import org.medcoord.core.event.internal.OutboxDispatcher;
import org.medcoord.core.feature.internal.EnabledFeatures;
import org.medcoord.core.feature.internal.FacadeFactory;
import org.medcoord.core.feature.internal.FeatureSlice;
import org.medcoord.core.feature.internal.MedCoord;
import org.medcoord.core.schedule.internal.ScheduleModule;
import org.medcoord.spi.event.DomainEventListener;
import org.medcoord.spi.rule.BookingRule;
import org.medcoord.spi.storage.Storage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coordinator: owns the storage and the shared services, and hands out sessions.
 */
public final class DefaultCoordinator implements Coordinator {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultCoordinator.class);
    /** Audit records appended by this node after which the chain is also sealed, between the periodic passes. */
    private static final long SEAL_EVERY_RECORDS = 1_000;

    /** Every feature, in the order it is wired: a feature joins with one line here. */
    private static final List<FeatureSlice> SLICES = List.of(
            AuditModule.SLICE,
            ScheduleModule.SLICE,
            AppointmentModule.SLICE,
            WaitlistModule.SLICE,
            PaperworkModule.SLICE);

    /** Each feature's facade type, and the feature. */
    private static final Map<Class<?>, Feature> FACADES = SLICES.stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(FeatureSlice::facade, FeatureSlice::feature));

    private final ResolvedPlugins plugins;
    private final AccessControl policy;
    private final Clock clock;
    private final IdGenerator ids;
    private final AuditedCalls calls;
    private final Events outboxEvents;
    private final CommandValidator validator;
    private final List<FacadeFactory<?>> facades;
    private final OutboxDispatcher events;
    private final ChainSealer sealer;
    private final ScheduledExecutorService sealing;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * What callers may see of every feature's results; a result type missing here is refused.
     *
     * @return every feature's projections
     */
    public static Projections projections() {
        Projections.Builder projections = Projections.builder();
        // Flags and counts that a call's work returns before its facade turns them into nothing
        // (releasing a hold answers whether there was one): no patient data.
        projections.asIs(Boolean.class, Integer.class, Long.class);
        SLICES.forEach(slice -> slice.project(projections));
        return projections.build();
    }

    /**
     * What a coordinator is wired from: the shared services, the module of each enabled feature
     * in the order of the slices, then the plugins' booking rules.
     *
     * @param plugins the resolved plugins
     * @param features the enabled features
     * @param settings the builder's settings
     * @return one module holding them all
     */
    public static com.google.inject.Module modules(ResolvedPlugins plugins, EnabledFeatures features,
                                                   CoordinatorSettings settings) {
        List<com.google.inject.Module> modules = new java.util.ArrayList<>();
        modules.add(new SharedServices(plugins, features, settings));
        features.slices().forEach(slice -> modules.add(slice.module()));
        modules.add(new PluginRules(plugins));
        return com.google.inject.util.Modules.combine(modules);
    }

    /**
     * Every operation of every feature, for tests that enumerate them.
     *
     * @return the operations, feature by feature
     */
    public static List<Operation> operations() {
        return SLICES.stream().flatMap(slice -> slice.operations().stream()).toList();
    }

    /**
     * The features to run, checked against the storage.
     *
     * @param asked the features the host asked for; empty for all
     * @param storage the storage
     * @return the enabled features
     * @throws org.medcoord.api.common.PluginConfigurationException naming each feature the storage
     *     cannot keep and each unknown feature
     */
    public static EnabledFeatures features(Set<Feature> asked, Storage storage) {
        return EnabledFeatures.resolve(SLICES, Set.of(AuditTrail.FEATURE), asked, storage);
    }

    /**
     * Starts the coordinator from what the shared services and the enabled features' modules bind.
     *
     * @param plugins the resolved plugins
     * @param features the features to run, checked against the storage
     * @param settings the builder's settings
     * @param policy access control
     * @param ids the id generator
     * @param calls the audited-call runner
     * @param events the outbox writer
     * @param validator the command validator
     * @param sealer the audit sealer
     * @param facades the enabled features' facades
     * @param rules the booking rules, in the order they run
     */
    @Inject
    public DefaultCoordinator(ResolvedPlugins plugins, EnabledFeatures features, CoordinatorSettings settings,
                              AccessControl policy, IdGenerator ids, AuditedCalls calls, Events events,
                              CommandValidator validator, ChainSealer sealer, Set<FacadeFactory<?>> facades,
                              @MedCoord Set<BookingRule> rules) {
        this.plugins = plugins;
        this.clock = settings.clock();
        this.policy = policy;
        this.ids = ids;
        this.calls = calls;
        this.outboxEvents = events;
        this.validator = validator;
        this.sealer = sealer;
        this.facades = List.copyOf(facades);
        Storage storage = plugins.storage();
        if (settings.auditSealInterval() == null) {
            this.sealing = null;
        } else {
            this.sealing = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "medcoord-audit-sealer");
                t.setDaemon(true);
                return t;
            });
            long millis = Math.max(1, settings.auditSealInterval().toMillis());
            sealing.scheduleWithFixedDelay(sealer::sealQuietly, millis, millis, TimeUnit.MILLISECONDS);
            AtomicBoolean queued = new AtomicBoolean();
            calls.onEvery(SEAL_EVERY_RECORDS, () -> {
                if (queued.compareAndSet(false, true)) {
                    try {
                        sealing.execute(() -> {
                            queued.set(false);
                            sealer.sealQuietly();
                        });
                    } catch (RejectedExecutionException closing) {
                        queued.set(false);
                    }
                }
            });
        }
        List<DomainEventListener> listeners = new java.util.ArrayList<>(plugins.listeners());
        listeners.addAll(settings.listeners());
        this.events = new OutboxDispatcher(storage, clock, listeners, settings.maxDeliveryAttempts(),
                settings.dispatchInterval());
        LOG.info("MedCoord started: storage {}, features {}, plugins {}, rules {}", storage.describe(),
                features.slices().stream().map(slice -> slice.feature().name()).toList(), plugins.ids(),
                rules.stream().map(BookingRule::id).toList());
    }

    @Override
    public CoordinatorSession session(Actor actor, Purpose purpose) {
        Violations v = new Violations();
        v.notNull(actor, "actor");
        v.notNull(purpose, "purpose");
        v.throwIfAny();
        return open(new CallContext(actor, purpose));
    }

    @Override
    public CoordinatorSession breakGlass(Actor actor, EmergencyAccess access) {
        Violations v = new Violations();
        v.notNull(actor, "actor");
        v.notNull(access, "access");
        v.throwIfAny();
        CallContext asked = new CallContext(actor, Purpose.EMERGENCY);
        if (!policy.policy().mayBreakGlass(actor.roles())) {
            calls.auditAlone(asked, AuditOperations.BREAK_GLASS, Optional.empty(), AuditOutcome.DENIED,
                    AccessDeniedException.BREAK_GLASS_REFUSED);
            LOG.info("break-glass refused for user {}", actor.user());
            throw new AccessDeniedException(AccessDeniedException.BREAK_GLASS_REFUSED,
                    "user " + actor.user() + " has no role that may break the glass");
        }
        Instant opened = clock.instant();
        Duration granted = access.duration().compareTo(policy.policy().breakGlassLimit()) > 0
                ? policy.policy().breakGlassLimit() : access.duration();
        BreakGlass glass = new BreakGlass(ids.next("bg"), access.reasonCode(), opened, opened.plus(granted));
        CallContext ctx = new CallContext(actor, Purpose.EMERGENCY, Optional.of(glass));
        plugins.storage().inTransaction(tx -> {
            Map<String, Object> alert = new LinkedHashMap<>();
            alert.put("grant", glass.grantId());
            alert.put("user", actor.user().value());
            alert.put("facility", actor.facility().value());
            alert.put("reason", glass.reasonCode());
            alert.put("opened", glass.opened());
            alert.put("until", glass.until());
            outboxEvents.other(tx, "access.break-glass", glass.grantId(), alert, opened);
            calls.append(tx, ctx, AuditOperations.BREAK_GLASS, List.of(glass.grantId()), Optional.empty(),
                    AuditOutcome.SUCCESS, glass.reasonCode());
            return null;
        });
        LOG.warn("break-glass opened: grant {} user {} facility {} reason {} until {}", glass.grantId(),
                actor.user(), actor.facility(), glass.reasonCode(), glass.until());
        return open(ctx);
    }

    private CoordinatorSession open(CallContext ctx) {
        Actor actor = ctx.actor();
        Purpose purpose = ctx.purpose();
        Map<Class<?>, Object> opened = new java.util.HashMap<>();
        for (FacadeFactory<?> factory : facades) {
            opened.put(factory.type(), factory.openFor(ctx));
        }
        return new CoordinatorSession() {
            @Override
            public Actor actor() {
                return actor;
            }

            @Override
            public Purpose purpose() {
                return purpose;
            }

            @Override
            public Optional<Instant> breakGlassUntil() {
                return ctx.breakGlass().map(BreakGlass::until);
            }

            @Override
            public <F> F facade(Class<F> type) {
                Violations v = new Violations();
                v.notNull(type, "type");
                v.throwIfAny();
                Feature feature = FACADES.get(type);
                if (feature == null) {
                    throw InvalidRequestException.of("type", "is not the facade of a feature of this coordinator");
                }
                return type.cast(enabled(opened.get(type), feature));
            }

            @Override
            public Appointments appointments() {
                return facade(Appointments.class);
            }

            @Override
            public WaitList waitList() {
                return facade(WaitList.class);
            }

            @Override
            public ScheduleAdministration schedule() {
                return facade(ScheduleAdministration.class);
            }

            @Override
            public Paperwork documents() {
                return facade(Paperwork.class);
            }

            @Override
            public AuditTrail audit() {
                return facade(AuditTrail.class);
            }
        };
    }

    private static <F> F enabled(F facade, Feature feature) {
        if (facade == null) {
            throw new FeatureUnavailableException(feature.name());
        }
        return facade;
    }

    @Override
    public EventDelivery events() {
        return events;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        events.close();
        if (sealing != null) {
            sealing.shutdown();
            try {
                if (!sealing.awaitTermination(5, TimeUnit.SECONDS)) {
                    sealing.shutdownNow();
                }
            } catch (InterruptedException e) {
                sealing.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        sealer.sealQuietly();
        validator.close();
        plugins.storage().close();
    }
}
