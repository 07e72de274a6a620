package org.medcoord.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.api.access.AccessPolicy;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.api.common.PatientId;
import org.medcoord.core.access.internal.AccessControl;
import org.medcoord.core.access.internal.CallContext;
import org.medcoord.core.access.internal.Operation;
import org.medcoord.core.access.internal.Permission;
import org.medcoord.core.access.internal.Projections;
import org.medcoord.core.audit.internal.AuditedCalls;
import org.medcoord.core.internal.DefaultCoordinator;

/**
 * Access fails closed: every type a facade can return has a projection, and a result of a type
 * without one is refused, alone, in an {@code Optional} or in a list.
 */
class FailClosedProjectionTest {
    private static final CallContext DESK = new CallContext(Actor.of("u-desk", "fac-1", Role.SCHEDULER),
            Purpose.TREATMENT);

    /** A result type no feature declared, carrying a patient id. */
    record Undeclared(PatientId patient) {
    }

    private final AccessControl access = new AccessControl(AccessPolicy.standard(), Clock.systemUTC(),
            DefaultCoordinator.projections());

    @Test
    void every_type_a_session_facade_returns_has_a_projection() {
        Set<Class<?>> returned = returnedTypes();
        Projections projections = DefaultCoordinator.projections();

        assertThat(returned).as("the facades' result types, found by reflection").hasSizeGreaterThan(15);
        assertThat(returned).allSatisfy(type -> assertThat(projections.of(type))
                .as("projection of %s", type.getName()).isPresent());
        Set<Class<?>> scalars = Set.of(Boolean.class, Integer.class, Long.class);
        assertThat(projections.types()).as("no projection for a type no facade returns, flags and counts aside")
                .allSatisfy(type -> assertThat(returned.contains(type) || scalars.contains(type)).isTrue());
    }

    @Test
    void a_result_of_a_type_without_a_projection_is_refused_alone_in_an_optional_and_in_a_list() {
        Undeclared value = new Undeclared(PatientId.of("p-1"));

        for (Object result : List.of(value, Optional.of(value), List.of(value))) {
            assertThatThrownBy(() -> access.scope(DESK, "test.read", result))
                    .isInstanceOfSatisfying(AccessDeniedException.class, denied -> {
                        assertThat(denied.code()).isEqualTo(AccessDeniedException.NO_PROJECTION);
                        assertThat(denied.getMessage()).contains("test.read", Undeclared.class.getName())
                                .doesNotContain("p-1");
                    });
        }
    }

    @Test
    void nothing_an_empty_optional_and_an_empty_list_pass_since_they_carry_nothing() {
        assertThat(access.scope(DESK, "test.read", (Object) null)).isNull();
        assertThat(access.scope(DESK, "test.read", Optional.empty())).isEmpty();
        assertThat(access.scope(DESK, "test.read", List.of())).isEmpty();
    }

    @Test
    void an_audited_call_whose_result_has_no_projection_is_refused_rolled_back_and_audited_as_denied() {
        MemoryStorage storage = new MemoryStorage();
        AuditedCalls calls = new AuditedCalls(storage, Clock.systemUTC(), access, NodeId.of("node-1"));
        PatientId patient = PatientId.of("p-1");

        assertThatThrownBy(() -> calls.run(DESK, Operation.of("test.read", Permission.READ_APPOINTMENTS), Optional.of(patient),
                result -> List.of("undeclared-1"), tx -> {
                    tx.audit().append(new AuditRecord(Instant.EPOCH, UserId.of("u-work"), Optional.empty(),
                            FacilityId.of("fac-1"), NodeId.of("node-1"), Purpose.TREATMENT, "test.inner",
                            List.of(), Optional.empty(), AuditOutcome.SUCCESS, "ok"));
                    return new Undeclared(patient);
                })).isInstanceOfSatisfying(AccessDeniedException.class,
                        denied -> assertThat(denied.code()).isEqualTo(AccessDeniedException.NO_PROJECTION));

        List<AuditRecord> records = storage.read(tx -> tx.audit().all());
        assertThat(records).as("the work's own write rolled back, the denial audited alone").singleElement()
                .satisfies(r -> {
                    assertThat(r.action()).isEqualTo("test.read");
                    assertThat(r.outcome()).isEqualTo(AuditOutcome.DENIED);
                    assertThat(r.detailCode()).isEqualTo(AccessDeniedException.NO_PROJECTION);
                    assertThat(r.patient()).contains(patient);
                });
    }

    /** Every class the session's facades return, unwrapping lists and optionals. */
    private static Set<Class<?>> returnedTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        List<Class<?>> facades = new ArrayList<>();
        for (Method accessor : CoordinatorSession.class.getMethods()) {
            if (accessor.getReturnType().getPackageName().startsWith("org.medcoord.api.")
                    && accessor.getReturnType().isInterface()) {
                facades.add(accessor.getReturnType());
            }
        }
        assertThat(facades).as("facades").hasSizeGreaterThanOrEqualTo(5);
        for (Class<?> facade : facades) {
            for (Method method : facade.getMethods()) {
                collect(method.getGenericReturnType(), types);
            }
        }
        return types;
    }

    private static void collect(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, into);
            }
        } else if (type instanceof Class<?> c && c != void.class) {
            into.add(c);
        }
    }
}
