package org.medcoord.spi.testkit;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.medcoord.spi.storage.AppointmentStore;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.ClaimStore;
import org.medcoord.spi.storage.DocumentStore;
import org.medcoord.spi.storage.HoldStore;
import org.medcoord.spi.storage.IdempotencyStore;
import org.medcoord.spi.storage.OutboxStore;
import org.medcoord.spi.storage.ScheduleStore;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.WaitlistStore;

/**
 * The whole contract kit in one suite: an adapter subclasses this once, saying how to open a fresh
 * storage, and the kit runs the contract of the storage as a whole and of every store port the
 * storage declares in {@link Storage#stores()}:
 *
 * <pre>{@code
 * class VendorStorageKitTest extends StorageKit {
 *     @Override
 *     protected Storage newStorage() {
 *         return new VendorStorage(freshDatabase());
 *     }
 * }
 * }</pre>
 *
 * <p>Each contract appears as a container of tests named after its port. A storage keeps the ports
 * of the features it supports; a port it does not keep has no contract to pass, and the storage
 * contract checks that every port it declares is answered. A port whose contract also needs another
 * port (claims need the schedule's resources) fails, naming the missing port, rather than being
 * passed over. The kit fails when the storage declares no port of this kit at all: a kit that ran
 * nothing must not pass.
 *
 * <p>{@link #newStorage()} is called once for the kit's own look at the declared ports and once
 * before each test; the kit closes every storage it opened.
 *
 * @since 0.1
 */
public abstract class StorageKit {
    /**
     * Each port's contract and the other ports it needs, in the order they run. A feature added to
     * MedCoord adds its port's contract here.
     */
    private static final Map<Class<?>, Entry> CONTRACTS = new LinkedHashMap<>();

    static {
        add(ScheduleStore.class, ScheduleStoreContract::new);
        add(AppointmentStore.class, AppointmentStoreContract::new);
        add(ClaimStore.class, ClaimStoreContract::new, ScheduleStore.class);
        add(HoldStore.class, HoldStoreContract::new);
        add(IdempotencyStore.class, IdempotencyStoreContract::new);
        add(WaitlistStore.class, WaitlistStoreContract::new);
        add(OutboxStore.class, OutboxStoreContract::new);
        add(AuditStore.class, AuditStoreContract::new);
        add(DocumentStore.class, DocumentStoreContract::new, ScheduleStore.class);
    }

    /** What the contract of the storage as a whole writes to: the ports of schedules, appointments and the audit. */
    private static final List<Class<?>> WHOLE_STORAGE_NEEDS = List.of(ScheduleStore.class, AppointmentStore.class,
            ClaimStore.class, OutboxStore.class, AuditStore.class);

    /** For subclasses. */
    protected StorageKit() {
    }

    /**
     * A fresh, empty storage; the kit closes it after use.
     *
     * @return the storage
     */
    protected abstract Storage newStorage();

    /**
     * The contracts for the storage's declared ports.
     *
     * @return one container per contract
     */
    @TestFactory
    Stream<DynamicNode> contracts() {
        Set<Class<?>> kept;
        try (Storage probe = newStorage()) {
            kept = Set.copyOf(probe.stores());
        }
        List<DynamicNode> nodes = new ArrayList<>();
        if (CONTRACTS.keySet().stream().noneMatch(kept::contains)) {
            nodes.add(dynamicTest("the storage declares ports", () -> {
                throw new AssertionError("the storage declares none of the kit's ports in stores() " + names(kept)
                        + ": a kit run that tests nothing does not pass");
            }));
            return nodes.stream();
        }
        nodes.add(container("Storage", StorageContract::new, WHOLE_STORAGE_NEEDS, kept));
        CONTRACTS.forEach((port, entry) -> {
            if (kept.contains(port)) {
                List<Class<?>> needs = new ArrayList<>(List.of(port));
                needs.addAll(entry.needs());
                nodes.add(container(port.getSimpleName(), entry.contract(), needs, kept));
            }
        });
        return nodes.stream();
    }

    private DynamicNode container(String name, Supplier<? extends ContractSupport> contract, List<Class<?>> needs,
                                  Set<Class<?>> kept) {
        List<Class<?>> missing = needs.stream().filter(port -> !kept.contains(port)).toList();
        if (!missing.isEmpty()) {
            return dynamicTest(name + " needs " + names(missing), () -> {
                throw new AssertionError("the " + name + " contract needs " + names(missing)
                        + " as well, which the storage does not declare in stores()");
            });
        }
        Class<?> type = contract.get().getClass();
        List<Method> tests = AnnotationSupport.findAnnotatedMethods(type, Test.class, HierarchyTraversalMode.TOP_DOWN);
        return dynamicContainer(name, tests.stream().map(test -> dynamicTest(test.getName(),
                () -> run(contract.get(), test))));
    }

    private void run(ContractSupport contract, Method test) throws Throwable {
        contract.openWith(this::newStorage);
        Class<?> type = contract.getClass();
        Throwable failure = null;
        try {
            for (Method before : AnnotationSupport.findAnnotatedMethods(type, BeforeEach.class,
                    HierarchyTraversalMode.TOP_DOWN)) {
                invoke(contract, before);
            }
            invoke(contract, test);
        } catch (Throwable t) {
            failure = t;
        }
        for (Method after : AnnotationSupport.findAnnotatedMethods(type, AfterEach.class,
                HierarchyTraversalMode.BOTTOM_UP)) {
            try {
                invoke(contract, after);
            } catch (Throwable t) {
                if (failure == null) {
                    failure = t;
                } else {
                    failure.addSuppressed(t);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void invoke(Object target, Method method) throws Throwable {
        method.setAccessible(true);
        try {
            method.invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static String names(java.util.Collection<Class<?>> ports) {
        return ports.stream().map(Class::getSimpleName).sorted().toList().toString();
    }

    private static void add(Class<?> port, Supplier<? extends ContractSupport> contract, Class<?>... needs) {
        CONTRACTS.put(port, new Entry(contract, List.of(needs)));
    }

    private record Entry(Supplier<? extends ContractSupport> contract, List<Class<?>> needs) {
    }
}
